package io.signaldesk.reports.metrics;

import io.signaldesk.ops.JobDefinition;
import io.signaldesk.ops.ScheduledJobs;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * 23:00 (SIGNALDESK_REPORTS_METRICS_CRON in SIGNALDESK_JOBS_ZONE; {@code -} turns it off): the day's metrics, and the
 * catch-up of earlier days. The lock keeps the other instances out; its run counts the rows written.
 */
@Component
class CalculateMetricsJob {

    static final JobDefinition JOB = new JobDefinition("reports.calculate-metrics", Duration.ofMinutes(30), Duration.ofSeconds(30));

    private final ScheduledJobs jobs;
    private final CalculateDailyMetrics metrics;

    CalculateMetricsJob(ScheduledJobs jobs, CalculateDailyMetrics metrics) {
        this.jobs = jobs;
        this.metrics = metrics;
    }

    @Scheduled(cron = "${signaldesk.reports.metrics.cron}", zone = "${signaldesk.reports.metrics.zone}")
    void run() {
        jobs.run(JOB, metrics::execute);
    }
}
