package io.signaldesk.reports.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * Brings the stored metrics up to now before a report reads them, so a report never shows a day as "no figures yet"
 * because {@code reports.calculate-metrics} (23:00) has not run: a chat east of the jobs zone gets its 23:30 report
 * before that, the Monday 08:00 report needs Sunday's last hour, {@code /report} may be asked at any time. It runs the
 * job's own calculation ({@link CalculateDailyMetrics}: upserts, so a concurrent run on another instance writes the same
 * rows) when today's figures are older than the age asked for; one calculation at a time on this instance.
 */
@Component
public class FreshMetrics {

    private final CalculateDailyMetrics calculate;
    private final MetricsStore store;
    private final MetricsProperties properties;
    private final Clock clock;
    private final ReentrantLock calculating = new ReentrantLock();

    FreshMetrics(CalculateDailyMetrics calculate, MetricsStore store, MetricsProperties properties, Clock clock) {
        this.calculate = calculate;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** The zone whose calendar days the metrics are stored by ({@code SIGNALDESK_JOBS_ZONE}). */
    public java.time.ZoneId dayZone() {
        return properties.zone();
    }

    /** Calculates unless today's stored figures reach to within {@code age} of now; returns whether it calculated. */
    public boolean atMost(Duration age) {
        calculating.lock();
        try {
            Instant now = clock.instant();
            LocalDate today = LocalDate.ofInstant(now, properties.zone());
            boolean current = store.computedUntil(today).map(until -> !until.isBefore(now.minus(age))).orElse(false);
            if (!current) {
                calculate.execute();
            }
            return !current;
        } finally {
            calculating.unlock();
        }
    }
}
