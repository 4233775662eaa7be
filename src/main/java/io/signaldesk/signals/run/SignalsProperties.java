package io.signaldesk.signals.run;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code signaldesk.signals.*} (the tick's period and the outcome job's cron are read by their {@code @Scheduled}).
 *
 * @param runDelay      how long after a candle closes its subscriptions run (lets the sync store it)
 * @param lease         how long a claimed run is this worker's; past it, a dead worker's run is claimed again
 * @param workers       runs in flight on this instance at once
 * @param dataRetry     when a run found no fresh data, how soon it runs again
 * @param signalHorizon how long a signal is followed before it expires
 * @param zone          the zone whose midnight starts a new day for the daily trade limit
 * @param onDemandAnalyst       the analyst of {@code /analyze}
 * @param onDemandMinRiskReward its minimum reward-to-risk
 */
@ConfigurationProperties("signaldesk.signals")
public record SignalsProperties(Duration runDelay, Duration lease, int workers, Duration dataRetry,
                                Duration signalHorizon,
                                ZoneId zone, String onDemandAnalyst, BigDecimal onDemandMinRiskReward) {

    public SignalsProperties {
        if (workers < 1 || lease.compareTo(Duration.ofSeconds(30)) < 0) {
            throw new IllegalArgumentException("signaldesk.signals.workers must be at least 1 and lease at least 30s");
        }
    }
}
