package io.signaldesk.portfolio.rebalance.schedule;

import io.signaldesk.ops.JobDefinition;
import io.signaldesk.ops.JobReport;
import io.signaldesk.ops.ScheduledJobs;
import io.signaldesk.portfolio.rebalance.execute.ExpireProposals;
import java.time.Clock;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every minute (SIGNALDESK_REBALANCE_EXPIRE_CRON; {@code -} turns it off), one instance (ShedLock
 * {@code portfolio.expire-proposals}) expires proposals past their expiry and finishes interrupted executions
 * ({@link ExpireProposals}); the job's items are the proposals changed, its summary how many failed (if any).
 */
@Component
class ExpireProposalsJob {

    static final JobDefinition JOB = new JobDefinition("portfolio.expire-proposals", Duration.ofMinutes(5), Duration.ofSeconds(5));

    private final ScheduledJobs jobs;
    private final ExpireProposals expire;
    private final Clock clock;

    ExpireProposalsJob(ScheduledJobs jobs, ExpireProposals expire, Clock clock) {
        this.jobs = jobs;
        this.expire = expire;
        this.clock = clock;
    }

    @Scheduled(cron = "${signaldesk.portfolio.rebalance.expire-cron}", zone = "${signaldesk.jobs.zone}")
    void run() {
        jobs.runReporting(JOB, () -> {
            ExpireProposals.Sweep sweep = expire.sweep(clock.instant());
            return new JobReport(sweep.changed(), sweep.failed() == 0 ? null : sweep.failed() + " proposal(s) failed, left for the next run");
        });
    }
}
