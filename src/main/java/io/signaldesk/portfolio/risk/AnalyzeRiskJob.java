package io.signaldesk.portfolio.risk;

import io.signaldesk.ops.JobDefinition;
import io.signaldesk.ops.ScheduledJobs;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every 30 minutes (SIGNALDESK_RISK_ANALYZE_CRON in SIGNALDESK_JOBS_ZONE, by default at minutes 1 and 31: after
 * {@code positions.update} marked the positions at :00:30 / :30:30 and the balance sync of :00 / :30; {@code -} turns
 * it off), one instance assesses the portfolio risk of every account with open positions ({@link AnalyzeRisk}); the
 * job's items are the runs stored.
 */
@Component
class AnalyzeRiskJob {

    static final JobDefinition JOB = new JobDefinition("risk.analyze", Duration.ofMinutes(25), Duration.ofMinutes(1));

    private final ScheduledJobs jobs;
    private final AnalyzeRisk analyze;

    AnalyzeRiskJob(ScheduledJobs jobs, AnalyzeRisk analyze) {
        this.jobs = jobs;
        this.analyze = analyze;
    }

    @Scheduled(cron = "${signaldesk.portfolio.risk.analyze-cron}", zone = "${signaldesk.jobs.zone}")
    void run() {
        jobs.run(JOB, () -> analyze.execute().stored());
    }
}
