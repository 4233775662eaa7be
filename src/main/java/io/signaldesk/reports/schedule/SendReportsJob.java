package io.signaldesk.reports.schedule;

import io.signaldesk.ops.JobDefinition;
import io.signaldesk.ops.ScheduledJobs;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every 5 minutes (SIGNALDESK_REPORTS_SEND_CRON in SIGNALDESK_JOBS_ZONE; {@code -} turns it off), one instance sends
 * the reports that fell due in each chat's own zone ({@link SendReports}); the job's items are the reports written.
 * The lock only saves work: the rows' claims keep each report once even without it.
 */
@Component
class SendReportsJob {

    static final JobDefinition JOB = new JobDefinition("reports.send-reports", Duration.ofMinutes(4), Duration.ofSeconds(30));

    private final ScheduledJobs jobs;
    private final SendReports send;

    SendReportsJob(ScheduledJobs jobs, SendReports send) {
        this.jobs = jobs;
        this.send = send;
    }

    @Scheduled(cron = "${signaldesk.reports.send-cron}", zone = "${signaldesk.jobs.zone}")
    void run() {
        jobs.run(JOB, () -> send.execute().sent());
    }
}
