package io.signaldesk.subscriptions;

import io.signaldesk.market.Timeframe;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one rule for <b>when</b> a subscription runs and <b>which candle</b> a run acts on, used by the
 * scheduler, the run and the chat replies alike ("first analysis after the 14:30 UTC close of 30m").
 *
 * <p>A run acts only on the candle that has just closed for the subscription's base (smallest)
 * timeframe: the run of a close is due {@code runDelay} after it (the sync stores the candle first), and
 * the close's <em>window</em> stays open {@code grace} longer (about two scheduler ticks), so a run a
 * tick late, or retried because the sync was late, still acts on it. A run at any other time (a new,
 * resumed or re-timeframed subscription between closes, an instance back from a stop) analyses
 * nothing and is scheduled for the next close: the entry of a signal is never an old close.
 *
 * <p>With a base timeframe shorter than the window (1m, 3m with the defaults), every moment is in the
 * window of the newest close.
 *
 * @param runDelay how long after a close its run is due ({@code signaldesk.signals.run-delay})
 * @param grace    how much longer the close's window stays open ({@code signaldesk.signals.run-grace})
 */
@Component
public record RunWindow(@Value("${signaldesk.signals.run-delay}") Duration runDelay,
                        @Value("${signaldesk.signals.run-grace}") Duration grace) {

    public RunWindow {
        if (runDelay.isNegative() || grace.isNegative()) {
            throw new IllegalArgumentException("signaldesk.signals.run-delay and run-grace must not be negative");
        }
    }

    /** The close a run at {@code now} acts on: the base timeframe's newest close, while its window is open. */
    public Optional<Instant> actingClose(Timeframe base, Instant now) {
        Instant close = base.openOf(now);
        return now.isAfter(windowEnd(close)) ? Optional.empty() : Optional.of(close);
    }

    /** The close whose window a run due at {@code dueAt} belongs to; empty when none (never scheduled, or due between windows). */
    public Optional<Instant> closeDueAt(Timeframe base, Instant dueAt) {
        return dueAt == null ? Optional.empty() : actingClose(base, dueAt);
    }

    /** When the window of {@code close} ends: past it, that candle is no longer "just closed". */
    public Instant windowEnd(Instant close) {
        return close.plus(runDelay).plus(grace);
    }

    /** When the run after one at {@code now} is due: the next close of the base timeframe plus the run delay. */
    public Instant nextRun(Timeframe base, Instant now) {
        return nextClose(base, now).plus(runDelay);
    }

    /**
     * The close the first analysis of a subscription (re)started at {@code now} acts on: the newest close
     * if its window is still open, else the next one.
     */
    public Instant firstClose(Timeframe base, Instant now) {
        return actingClose(base, now).orElseGet(() -> nextClose(base, now));
    }

    private static Instant nextClose(Timeframe base, Instant now) {
        return base.openOf(now).plus(base.duration());
    }
}
