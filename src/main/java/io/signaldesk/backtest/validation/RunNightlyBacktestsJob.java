package io.signaldesk.backtest.validation;

import io.signaldesk.ops.JobDefinition;
import io.signaldesk.ops.ScheduledJobs;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Nightly (SIGNALDESK_BACKTEST_RUN_CRON, 00:00 in SIGNALDESK_BACKTEST_ZONE): the backtests the validation judges. The
 * lock keeps the other instances out while it runs; the runs' unique key keeps each run single even past the lock.
 */
@Component
class RunNightlyBacktestsJob {

    static final JobDefinition JOB = new JobDefinition("backtest.run", Duration.ofHours(6), Duration.ofMinutes(10));

    private final ScheduledJobs jobs;
    private final RunNightlyBacktests runs;

    RunNightlyBacktestsJob(ScheduledJobs jobs, RunNightlyBacktests runs) {
        this.jobs = jobs;
        this.runs = runs;
    }

    @Scheduled(cron = "${signaldesk.backtest.nightly.run-cron}", zone = "${signaldesk.backtest.nightly.zone}")
    void run() {
        jobs.run(JOB, runs::execute);
    }
}
