package io.signaldesk.ops.jobs;

import io.signaldesk.ops.JobDefinition;
import io.signaldesk.ops.ScheduledJobs;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Nightly (03:00 in the jobs zone, {@code SIGNALDESK_ARCHIVE_CRON}, "-" turns it off): keeps every table
 * that declared a {@link io.signaldesk.ops.RetentionPolicy} to its retention. The lock may be held long
 * on a first run over months of rows; a run cut short is continued by the next.
 */
@Component
class ArchiveOldDataJob {

    static final JobDefinition JOB = new JobDefinition("ops.archive-old-data", Duration.ofHours(3), Duration.ofMinutes(1));

    private final ScheduledJobs jobs;
    private final ArchiveOldData archive;

    ArchiveOldDataJob(ScheduledJobs jobs, ArchiveOldData archive) {
        this.jobs = jobs;
        this.archive = archive;
    }

    @Scheduled(cron = "${signaldesk.jobs.archive-old-data.cron}", zone = "${signaldesk.jobs.zone}")
    void run() {
        jobs.runReporting(JOB, archive::execute);
    }
}
