package io.signaldesk.ops.jobs;

import io.signaldesk.ops.JobDefinition;
import io.signaldesk.ops.ScheduledJobs;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Daily: keeps the job-run history to its retention (the platform seed's archive task, for our own table). */
@Component
class PruneJobRunsJob {

    static final JobDefinition JOB = new JobDefinition("ops.prune-job-runs", Duration.ofMinutes(10), Duration.ofMinutes(1));

    private final ScheduledJobs jobs;
    private final PruneJobRuns pruneJobRuns;

    PruneJobRunsJob(ScheduledJobs jobs, PruneJobRuns pruneJobRuns) {
        this.jobs = jobs;
        this.pruneJobRuns = pruneJobRuns;
    }

    @Scheduled(cron = "${signaldesk.jobs.prune-job-runs.cron}", zone = "${signaldesk.jobs.zone}")
    void run() {
        jobs.run(JOB, pruneJobRuns::execute);
    }
}
