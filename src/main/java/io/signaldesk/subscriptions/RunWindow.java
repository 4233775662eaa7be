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
 * <p><b>Runs are claimed on the scheduler's tick</b> (a fixed delay of {@code tick}), so a run due at
 * {@code t} starts at the first tick at or after {@code t}: up to a tick later, plus the tick's own lag
 * ({@link #TICK_LAG}). Hence a retry within a window is never due after {@link #lastRetry} (the window's end
 * minus a tick), the ask at or after it is the window's last ({@link #lastAsk}), and a run due within a
 * window that is claimed by the next tick acts on that close even a little past the window's end
 * ({@link #actingClose(Timeframe, Instant, Instant)}).
 *
 * @param runDelay how long after a close its run is due ({@code signaldesk.signals.run-delay})
 * @param grace    how much longer the close's window stays open ({@code signaldesk.signals.run-grace})
 * @param tick     the scheduler's period, a fixed delay ({@code signaldesk.signals.tick})
 */
@Component
public record RunWindow(@Value("${signaldesk.signals.run-delay}") Duration runDelay,
                        @Value("${signaldesk.signals.run-grace}") Duration grace,
                        @Value("${signaldesk.signals.tick}") Duration tick) {

    /** How late past its period a tick may start: the previous tick's claiming (well under a second) and timer slack. */
    public static final Duration TICK_LAG = Duration.ofSeconds(10);

    public RunWindow {
        if (runDelay.isNegative() || grace.isNegative() || !tick.isPositive()) {
            throw new IllegalArgumentException("signaldesk.signals.run-delay and run-grace must not be negative, tick must be positive");
        }
    }

    /** The close a run at {@code now} acts on: the base timeframe's newest close, while its window is open. */
    public Optional<Instant> actingClose(Timeframe base, Instant now) {
        Instant close = base.openOf(now);
        return now.isAfter(windowEnd(close)) ? Optional.empty() : Optional.of(close);
    }

    /**
     * The close a run claimed at {@code now}, due at {@code dueAt}, acts on: the newest close while its window
     * is open; else, for a run due within a close's window no later than its {@link #lastRetry} and claimed by
     * the scheduler's next tick (a tick plus {@link #TICK_LAG} after it was due), that close, even a little past
     * the window's end. Empty otherwise: the run is between windows, or came too late for its close (missed).
     */
    public Optional<Instant> actingClose(Timeframe base, Instant now, Instant dueAt) {
        return actingClose(base, now).or(() -> closeDueAt(base, dueAt)
                .filter(close -> !dueAt.isAfter(lastRetry(close)) && !now.isAfter(dueAt.plus(tick).plus(TICK_LAG))));
    }

    /**
     * The close a claimed run acts on ({@link #actingClose(Timeframe, Instant, Instant)}); and when the run takes
     * over the claim of a worker that died ({@link DueSubscription#takenOverFrom()}), the close that worker was
     * running, if the takeover comes by the tick after that claim's lease ended: a crash delays that close's
     * decision by about a lease and a tick, it does not lose it. A takeover is its close's last ask.
     */
    public Optional<Instant> closeToDecide(Timeframe base, Instant now, DueSubscription run) {
        return actingClose(base, now, run.dueAt()).or(() -> run.takenOverFrom() == null ? Optional.empty()
                : closeDueAt(base, run.dueAt()).filter(close -> !run.dueAt().isAfter(lastRetry(close))
                        && !now.isAfter(run.takenOverFrom().plus(tick).plus(TICK_LAG))));
    }

    /**
     * The latest due time of a retry within the window of {@code close}: the window's end minus a tick, so
     * that the scheduler's next tick still claims it within the window (give or take {@link #TICK_LAG}).
     */
    public Instant lastRetry(Instant close) {
        return windowEnd(close).minus(tick);
    }

    /** Whether a run at {@code now} acting on {@code close} is its window's last ask: no retry would be claimed in it. */
    public boolean lastAsk(Instant close, Instant now) {
        return !now.isBefore(lastRetry(close));
    }

    /**
     * When a run at {@code now} that must wait within the window of {@code close} is due again: at
     * {@code earliest} (the data retry, or when the LLM's minute frees a request), but no later than
     * {@link #lastRetry}, so the window's last try is made and known as the last.
     */
    public Instant retry(Instant close, Instant earliest) {
        Instant last = lastRetry(close);
        return earliest.isAfter(last) ? last : earliest;
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
     * The close the first analysis of a subscription (re)started at {@code now} acts on: its first claim
     * comes by the scheduler's next tick, so the newest close if its window is still open a tick from now,
     * else the next one.
     */
    public Instant firstClose(Timeframe base, Instant now) {
        Instant claimed = now.plus(tick);
        return actingClose(base, claimed).orElseGet(() -> nextClose(base, claimed));
    }

    private static Instant nextClose(Timeframe base, Instant now) {
        return base.openOf(now).plus(base.duration());
    }
}
