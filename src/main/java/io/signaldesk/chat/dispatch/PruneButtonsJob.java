package io.signaldesk.chat.dispatch;

import io.signaldesk.ops.JobDefinition;
import io.signaldesk.ops.ScheduledJobs;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Daily: removes long-expired chat buttons. */
@Component
class PruneButtonsJob {

    static final JobDefinition JOB = new JobDefinition("chat.prune-buttons", Duration.ofMinutes(10), Duration.ofMinutes(1));

    private final ScheduledJobs jobs;
    private final PruneButtons pruneButtons;

    PruneButtonsJob(ScheduledJobs jobs, PruneButtons pruneButtons) {
        this.jobs = jobs;
        this.pruneButtons = pruneButtons;
    }

    @Scheduled(cron = "${signaldesk.chat.prune-buttons-cron}", zone = "${signaldesk.jobs.zone}")
    void run() {
        jobs.run(JOB, pruneButtons::execute);
    }
}
