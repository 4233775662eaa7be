package io.signaldesk.analysis.indicators;

import io.signaldesk.ops.JobDefinition;
import io.signaldesk.ops.ScheduledJobs;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every 30 minutes (the platform seed's update_indicators_task), after the :00 and :30 candle sync and before that
 * close's signal runs: the stored indicators of every series in use ({@link UpdateIndicators}). The run's items are the
 * rows stored; its summary (series skipped and why) is logged.
 */
@Component
class UpdateIndicatorsJob {

    static final JobDefinition JOB = new JobDefinition("market.update-indicators", Duration.ofMinutes(20), Duration.ofSeconds(30));
    private static final Logger log = LoggerFactory.getLogger(UpdateIndicatorsJob.class);

    private final ScheduledJobs jobs;
    private final UpdateIndicators update;

    UpdateIndicatorsJob(ScheduledJobs jobs, UpdateIndicators update) {
        this.jobs = jobs;
        this.update = update;
    }

    @Scheduled(cron = "${signaldesk.analysis.indicators-cron}", zone = "${signaldesk.jobs.zone}")
    void run() {
        jobs.run(JOB, () -> {
            IndicatorRun run = update.execute();
            log.info("{}: {}", JOB.name(), run);
            return run.rowsStored();
        });
    }
}
