package io.signaldesk.signals.run;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code signaldesk.signals.*} (the tick's period and the outcome job's cron are read by their {@code @Scheduled};
 * {@code run-delay} and {@code run-grace}, when runs are due and which candle they act on, by
 * {@link io.signaldesk.subscriptions.RunWindow}).
 *
 * @param lease         how long a claimed run is this worker's; past it, a dead worker's run is claimed again
 * @param workers       runs in flight on this instance at once
 * @param dataRetry     how soon a run that must wait within its close's window (the candle is not stored yet, the
 *                      LLM's per-minute limit is reached) runs again: 30 to 60 s
 * @param signalHorizon how long a signal is followed before it expires
 * @param zone          the zone whose midnight starts a new day for the daily trade limit
 * @param onDemandAnalyst       the analyst of {@code /analyze}
 * @param onDemandMinRiskReward its minimum reward-to-risk
 */
@ConfigurationProperties("signaldesk.signals")
public record SignalsProperties(Duration lease, int workers, Duration dataRetry,
                                Duration signalHorizon,
                                ZoneId zone, String onDemandAnalyst, BigDecimal onDemandMinRiskReward) {

    public SignalsProperties {
        if (workers < 1 || lease.compareTo(Duration.ofSeconds(30)) < 0) {
            throw new IllegalArgumentException("signaldesk.signals.workers must be at least 1 and lease at least 30s");
        }
        if (dataRetry.compareTo(Duration.ofSeconds(5)) < 0) {
            throw new IllegalArgumentException("signaldesk.signals.data-retry must be at least 5s (30 to 60 s is meant)");
        }
    }
}
