package io.signaldesk.ops.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param cron      when the prune runs, in {@code signaldesk.jobs.zone}; "-" turns it off
 * @param retention how long job-run rows are kept
 */
@ConfigurationProperties("signaldesk.jobs.prune-job-runs")
record PruneJobRunsProperties(String cron, Duration retention) {

    PruneJobRunsProperties {
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException(
                    "signaldesk.jobs.prune-job-runs.retention must be a positive duration, e.g. 30d; got " + retention);
        }
    }
}
