package io.signaldesk.positions.stops;

import io.signaldesk.ops.JobDefinition;
import io.signaldesk.ops.ScheduledJobs;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every 5 minutes (SIGNALDESK_POSITIONS_CHECK_STOPS_CRON, after the candle sync and {@code positions.update}; "-" turns
 * it off): the stop and target alerts ({@link CheckStops}). The lock keeps other instances out while it runs; the
 * alert's key keeps each alert single even past the lock.
 */
@Component
class CheckStopsJob {

    static final JobDefinition JOB = new JobDefinition("positions.check-stops", Duration.ofMinutes(10), Duration.ofSeconds(30));

    private final ScheduledJobs jobs;
    private final CheckStops check;

    CheckStopsJob(ScheduledJobs jobs, CheckStops check) {
        this.jobs = jobs;
        this.check = check;
    }

    @Scheduled(cron = "${signaldesk.positions.check-stops-cron}", zone = "${signaldesk.jobs.zone}")
    void run() {
        jobs.run(JOB, check::execute);
    }
}
