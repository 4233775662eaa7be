package io.signaldesk.portfolio.rebalance.schedule;

import io.signaldesk.ops.JobDefinition;
import io.signaldesk.ops.ScheduledJobs;
import java.time.Clock;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * At 06:00 (SIGNALDESK_REBALANCE_OPTIMIZE_CRON in SIGNALDESK_JOBS_ZONE; {@code -} turns it off), one instance (ShedLock
 * {@code portfolio.optimize}, a {@code job_run} per run) proposes a rebalance for every account past its drift
 * ({@link OptimizePortfolio}); the job's items are the proposals made.
 */
@Component
class OptimizePortfolioJob {

    static final JobDefinition JOB = new JobDefinition("portfolio.optimize", Duration.ofMinutes(30), Duration.ofMinutes(1));

    private final ScheduledJobs jobs;
    private final OptimizePortfolio optimize;
    private final Clock clock;

    OptimizePortfolioJob(ScheduledJobs jobs, OptimizePortfolio optimize, Clock clock) {
        this.jobs = jobs;
        this.optimize = optimize;
        this.clock = clock;
    }

    @Scheduled(cron = "${signaldesk.portfolio.rebalance.optimize-cron}", zone = "${signaldesk.jobs.zone}")
    void run() {
        jobs.run(JOB, () -> optimize.execute(clock.instant()));
    }
}
