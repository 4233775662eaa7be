package io.signaldesk.notifications.delivery;

import io.signaldesk.ops.JobDefinition;
import io.signaldesk.ops.ScheduledJobs;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Daily: keeps the outbox to its retention. */
@Component
class PruneDeliveriesJob {

    static final JobDefinition JOB = new JobDefinition("notifications.prune-deliveries", Duration.ofMinutes(10), Duration.ofMinutes(1));

    private final ScheduledJobs jobs;
    private final PruneDeliveries pruneDeliveries;

    PruneDeliveriesJob(ScheduledJobs jobs, PruneDeliveries pruneDeliveries) {
        this.jobs = jobs;
        this.pruneDeliveries = pruneDeliveries;
    }

    @Scheduled(cron = "${signaldesk.notifications.prune-cron}", zone = "${signaldesk.jobs.zone}")
    void run() {
        jobs.run(JOB, pruneDeliveries::execute);
    }
}
