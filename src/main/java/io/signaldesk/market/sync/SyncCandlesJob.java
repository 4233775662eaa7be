package io.signaldesk.market.sync;

import io.signaldesk.ops.JobDefinition;
import io.signaldesk.ops.ScheduledJobs;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every 5 minutes (the platform seed's sync_market_data_task): fetch what the subscriptions need. */
@Component
class SyncCandlesJob {

    static final JobDefinition JOB = new JobDefinition("market.sync-candles", Duration.ofMinutes(10), Duration.ofSeconds(30));

    private final ScheduledJobs jobs;
    private final SyncCandles syncCandles;

    SyncCandlesJob(ScheduledJobs jobs, SyncCandles syncCandles) {
        this.jobs = jobs;
        this.syncCandles = syncCandles;
    }

    @Scheduled(cron = "${signaldesk.market.sync-cron}", zone = "${signaldesk.jobs.zone}")
    void run() {
        jobs.run(JOB, syncCandles::execute);
    }
}
