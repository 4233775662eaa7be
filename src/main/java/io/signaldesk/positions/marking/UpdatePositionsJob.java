package io.signaldesk.positions.marking;

import io.signaldesk.ops.JobDefinition;
import io.signaldesk.ops.ScheduledJobs;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every 5 minutes (SIGNALDESK_POSITIONS_UPDATE_CRON, 10 s after the candle sync starts), one instance marks every open
 * position to market ({@link UpdatePositions}); the job's items are the positions marked.
 */
@Component
class UpdatePositionsJob {

    static final JobDefinition JOB = new JobDefinition("positions.update", Duration.ofMinutes(4), Duration.ofSeconds(30));

    private final ScheduledJobs jobs;
    private final UpdatePositions update;

    UpdatePositionsJob(ScheduledJobs jobs, UpdatePositions update) {
        this.jobs = jobs;
        this.update = update;
    }

    @Scheduled(cron = "${signaldesk.positions.update-cron}", zone = "${signaldesk.jobs.zone}")
    void run() {
        jobs.run(JOB, () -> update.execute().positionsMarked());
    }
}
