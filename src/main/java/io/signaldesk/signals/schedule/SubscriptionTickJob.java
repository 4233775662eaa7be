package io.signaldesk.signals.schedule;

import io.signaldesk.ops.JobDefinition;
import io.signaldesk.ops.ScheduledJobs;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every 60 s (the seed's schedule_active_bots): claim and start due runs. It runs on every instance
 * (claims keep their shares apart), recorded but not locked.
 */
@Component
class SubscriptionTickJob {

    static final JobDefinition JOB = new JobDefinition("signals.tick", Duration.ofMinutes(5), Duration.ZERO);

    private final ScheduledJobs jobs;
    private final SubscriptionScheduler scheduler;

    SubscriptionTickJob(ScheduledJobs jobs, SubscriptionScheduler scheduler) {
        this.jobs = jobs;
        this.scheduler = scheduler;
    }

    @Scheduled(fixedDelayString = "${signaldesk.signals.tick}", initialDelayString = "${signaldesk.signals.first-tick}")
    void run() {
        jobs.runOnThisInstance(JOB, () -> scheduler.tick().size());
    }
}
