package io.signaldesk.positions.exchange;

import io.signaldesk.ops.JobDefinition;
import io.signaldesk.ops.ScheduledJobs;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every 5 minutes at 25 s (SIGNALDESK_POSITIONS_SYNC_CRON in SIGNALDESK_JOBS_ZONE; {@code -} turns it off), just
 * before {@code positions.update} marks the book: one instance brings the EXCHANGE positions in line with the
 * exchanges ({@link SyncExchangePositions}); the run's items are the positions opened, changed or closed.
 */
@Component
class SyncExchangePositionsJob {

    static final JobDefinition JOB = new JobDefinition("positions.sync-exchange", Duration.ofMinutes(4), Duration.ofSeconds(30));

    private final ScheduledJobs jobs;
    private final SyncExchangePositions sync;

    SyncExchangePositionsJob(ScheduledJobs jobs, SyncExchangePositions sync) {
        this.jobs = jobs;
        this.sync = sync;
    }

    @Scheduled(cron = "${signaldesk.positions.sync-exchange-cron}", zone = "${signaldesk.jobs.zone}")
    void run() {
        jobs.run(JOB, sync::syncAll);
    }
}
