package io.signaldesk.signals.outcome;

import io.signaldesk.ops.JobDefinition;
import io.signaldesk.ops.ScheduledJobs;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every 5 minutes, after the candle sync (the seed's check_stop_loss for signals): close what reached an outcome. */
@Component
class TrackSignalOutcomesJob {

    static final JobDefinition JOB = new JobDefinition("signals.track-outcomes", Duration.ofMinutes(10), Duration.ofSeconds(30));

    private final ScheduledJobs jobs;
    private final TrackSignalOutcomes track;

    TrackSignalOutcomesJob(ScheduledJobs jobs, TrackSignalOutcomes track) {
        this.jobs = jobs;
        this.track = track;
    }

    @Scheduled(cron = "${signaldesk.signals.outcome-cron}", zone = "${signaldesk.jobs.zone}")
    void run() {
        jobs.run(JOB, track::execute);
    }
}
