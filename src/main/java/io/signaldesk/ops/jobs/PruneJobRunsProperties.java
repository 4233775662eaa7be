package io.signaldesk.ops.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param retention how long job-run rows are kept (the schedule, {@code cron}, is read by the job's {@code @Scheduled})
 */
@ConfigurationProperties("signaldesk.jobs.prune-job-runs")
record PruneJobRunsProperties(Duration retention) {

    PruneJobRunsProperties {
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException(
                    "signaldesk.jobs.prune-job-runs.retention must be a positive duration, e.g. 30d; got " + retention);
        }
    }
}
