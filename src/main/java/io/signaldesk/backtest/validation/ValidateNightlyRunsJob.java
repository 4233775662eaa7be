package io.signaldesk.backtest.validation;

import io.signaldesk.ops.JobDefinition;
import io.signaldesk.ops.ScheduledJobs;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Nightly (SIGNALDESK_BACKTEST_VALIDATE_CRON, 01:00 in SIGNALDESK_BACKTEST_ZONE), after the runs: the verdicts and their action. */
@Component
class ValidateNightlyRunsJob {

    static final JobDefinition JOB = new JobDefinition("backtest.validate", Duration.ofHours(1), Duration.ofMinutes(10));

    private final ScheduledJobs jobs;
    private final ValidateNightlyRuns validate;

    ValidateNightlyRunsJob(ScheduledJobs jobs, ValidateNightlyRuns validate) {
        this.jobs = jobs;
        this.validate = validate;
    }

    @Scheduled(cron = "${signaldesk.backtest.nightly.validate-cron}", zone = "${signaldesk.backtest.nightly.zone}")
    void run() {
        jobs.run(JOB, validate::execute);
    }
}
