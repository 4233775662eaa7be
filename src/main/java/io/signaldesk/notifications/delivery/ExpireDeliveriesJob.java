package io.signaldesk.notifications.delivery;

import io.signaldesk.ops.JobDefinition;
import io.signaldesk.ops.ScheduledJobs;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every few minutes: pending outbox rows past their kind's maximum age are dropped. */
@Component
class ExpireDeliveriesJob {

    static final JobDefinition JOB = new JobDefinition("notifications.expire-deliveries", Duration.ofMinutes(5), Duration.ofSeconds(10));

    private final ScheduledJobs jobs;
    private final ExpireDeliveries expireDeliveries;

    ExpireDeliveriesJob(ScheduledJobs jobs, ExpireDeliveries expireDeliveries) {
        this.jobs = jobs;
        this.expireDeliveries = expireDeliveries;
    }

    @Scheduled(cron = "${signaldesk.notifications.expire-cron}", zone = "${signaldesk.jobs.zone}")
    void run() {
        jobs.run(JOB, expireDeliveries::execute);
    }
}
