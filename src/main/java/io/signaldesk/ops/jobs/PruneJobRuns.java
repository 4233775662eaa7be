package io.signaldesk.ops.jobs;

import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Deletes job-run rows older than the retention; returns how many went. */
@Component
class PruneJobRuns {

    private final JobRunRepository runs;
    private final PruneJobRunsProperties properties;
    private final Clock clock;

    PruneJobRuns(JobRunRepository runs, PruneJobRunsProperties properties, Clock clock) {
        this.runs = runs;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    int execute() {
        return runs.deleteStartedBefore(clock.instant().minus(properties.retention()));
    }
}
