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
 * @param tick          the scheduler's period (a fixed delay): runs are claimed on it
 * @param runDelay      how long after a close its run is due
 * @param runGrace      how much longer the close's window stays open
 * @param lease         how long a claimed run is this worker's; past it, a dead worker's run is claimed again, at the
 *                      next tick, and the takeover still decides the close the dead worker was running (late by about
 *                      the lease and a tick). A tick plus the lease must fit in the run delay plus the grace, so that
 *                      such a delay stays within about one window; checked at start.
 *                      A run that outlives its lease may be run a second time by another worker: the analysis is shared
 *                      and the signal stored once, the run logged twice ({@link RunSubscription}). Meant: the analysis
 *                      timeout plus 30 s
 * @param workers       runs in flight on this instance at once
 * @param dataRetry     how soon a run that must wait within its close's window (the candle is not stored yet, the
 *                      LLM's per-minute limit is reached) runs again: 30 to 60 s
 * @param signalHorizon how long a signal is followed before it expires
 * @param zone          the zone whose midnight starts a new day for the daily trade limit
 * @param onDemandAnalyst       the analyst of {@code /analyze}
 * @param onDemandMinRiskReward its minimum reward-to-risk
 */
@ConfigurationProperties("signaldesk.signals")
public record SignalsProperties(Duration tick, Duration runDelay, Duration runGrace, Duration lease, int workers, Duration dataRetry,
                                Duration signalHorizon,
                                ZoneId zone, String onDemandAnalyst, BigDecimal onDemandMinRiskReward) {

    public SignalsProperties {
        if (workers < 1 || lease.compareTo(Duration.ofSeconds(30)) < 0) {
            throw new IllegalArgumentException("signaldesk.signals.workers must be at least 1 and lease at least 30s");
        }
        if (tick.plus(lease).compareTo(runDelay.plus(runGrace)) > 0) {
            throw new IllegalArgumentException(("signaldesk.signals.tick (%ss) plus lease (%ss) must fit in run-delay (%ss) plus run-grace (%ss):"
                    + " a run killed where it starts is taken over a tick after its lease ends, and that delay must stay within about one window."
                    + " Lower SIGNALDESK_SIGNALS_LEASE (e.g. 60s) or raise SIGNALDESK_SIGNALS_RUN_GRACE.")
                    .formatted(tick.toSeconds(), lease.toSeconds(), runDelay.toSeconds(), runGrace.toSeconds()));
        }
        if (dataRetry.compareTo(Duration.ofSeconds(5)) < 0) {
            throw new IllegalArgumentException("signaldesk.signals.data-retry must be at least 5s (30 to 60 s is meant)");
        }
    }
}
