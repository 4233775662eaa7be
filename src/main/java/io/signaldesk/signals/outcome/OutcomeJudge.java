package io.signaldesk.signals.outcome;

import io.signaldesk.analysis.Action;
import io.signaldesk.market.Candle;
import io.signaldesk.market.Timeframe;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Judges an open signal on price <b>after its issue only</b>, a pure function shared by the live
 * tracking and the backtest.
 *
 * <ul>
 *   <li>Only candles that <b>open at or after {@code issued_at}</b> count (and close within the horizon):
 *       what price did before the signal existed can neither win nor lose it. The caller passes the
 *       finest series the exchange serves (1m where it can), so little is lost to the wait for the
 *       first whole candle; see {@link TrackSignalOutcomes}.</li>
 *   <li><b>Market or limit entry, decided once from the signal candle</b> ({@link #atIssue}): an entry at the
 *       market (equal to the close of the candle the signal was issued on, or within one tick of it: the
 *       technical analyst's entry, the price at issue) is <b>filled at {@code issued_at}</b>, so its stop and
 *       target count from the first candle opening at or after the issue, whether or not price comes back
 *       to the entry. An entry away from the market (an LLM limit entry) is filled only once a candle after
 *       issue touches it (low ≤ entry ≤ high), or price gapped across it (the last close, at first the
 *       signal candle's, and this open on either side); before that fill, stops and targets do not count.
 *       Where the signal candle is not stored, the entry is taken as a limit one (waits for the touch).</li>
 *   <li><b>Cautious reading inside one candle</b>, where the order of moves is unknown: in a limit
 *       entry's fill candle a stop counts and a target does not (price may have reached the target first, before
 *       the fill); in a later candle that reaches both, the stop counts.</li>
 *   <li>Once the horizon has passed (and the candles up to it were seen, or half an hour more went by):
 *       a filled signal expires at the close of the last candle within it; one never filled ends
 *       {@code NOT_FILLED}, with no exit and no R (it is left out of win rate and average R).</li>
 * </ul>
 * R is the result over the risk from entry to stop. Progress ({@link Judging}) comes in and goes out,
 * so a caller may feed the candles in any number of runs and reach the same outcome: it starts at
 * {@link #atIssue} (a backtest calls it with the signal candle's close and the pair's tick size too).
 */
final class OutcomeJudge {

    /** How long past the horizon an outcome waits for the last candles within it to be stored. */
    static final Duration LATE_DATA_GRACE = Duration.ofMinutes(30);

    private static final MathContext R = new MathContext(6);

    private OutcomeJudge() {
    }

    /**
     * Where judging starts: filled at {@code issued_at} for an entry at the market (within one tick of
     * {@code signalClose}, or equal to it when the tick size is unknown), else waiting for the touch; the
     * signal candle's close is the first "last close" of the gap rule. Not started when {@code signalClose}
     * is unknown (the signal candle is not stored): then the entry is taken as a limit one.
     *
     * @param signalClose the close of the candle the signal was issued on; null when unknown
     * @param tickSize    the pair's tick size; null when the exchange's listing does not say
     */
    static Judging atIssue(OpenSignal signal, BigDecimal signalClose, BigDecimal tickSize) {
        if (signalClose == null) {
            return Judging.NOT_STARTED;
        }
        BigDecimal away = signal.entry().subtract(signalClose).abs();
        boolean atMarket = tickSize == null ? away.signum() == 0 : away.compareTo(tickSize) <= 0;
        return new Judging(atMarket ? signal.issuedAt() : null, null, signalClose);
    }

    /**
     * @param progress  where judging stands: {@link #atIssue} for a signal not judged yet
     * @param candles   closed candles of {@code timeframe}, oldest first; those opening before the issue or
     *                  before {@code progress.judgedUntil()}, or closing after the horizon, are skipped
     */
    static Judgement judge(OpenSignal signal, Judging progress, Timeframe timeframe, List<Candle> candles, Instant now,
                           Duration horizon) {
        int side = signal.action() == Action.BUY ? 1 : -1;
        Instant horizonEnd = signal.issuedAt().plus(horizon);
        Instant start = progress.resumeAt(signal.issuedAt());
        Judging judging = progress;
        for (Candle c : candles) {
            Instant closesAt = timeframe.closeOf(c.openTime());
            if (c.openTime().isBefore(start) || closesAt.isAfter(horizonEnd)) {
                continue;
            }
            boolean stopped = side > 0 ? c.low().compareTo(signal.stopLoss()) <= 0 : c.high().compareTo(signal.stopLoss()) >= 0;
            boolean reached = side > 0 ? c.high().compareTo(target(signal)) >= 0 : c.low().compareTo(target(signal)) <= 0;
            boolean fillsNow = !judging.filled() && touches(c, signal.entry(), judging.lastClose());
            Instant filledAt = judging.filled() ? judging.filledAt() : fillsNow ? closesAt : null;
            judging = new Judging(filledAt, closesAt, c.close());
            if (filledAt == null) {
                continue;
            }
            if (stopped) {
                return closed("STOP_LOSS", closesAt, signal.stopLoss(), signal, side, judging);
            }
            if (reached && !fillsNow) {
                return closed("TAKE_PROFIT", closesAt, target(signal), signal, side, judging);
            }
        }
        boolean seenToTheEnd = judging.judgedUntil() != null && !judging.judgedUntil().isBefore(timeframe.openOf(horizonEnd));
        if (now.isBefore(horizonEnd) || (!seenToTheEnd && now.isBefore(horizonEnd.plus(LATE_DATA_GRACE)))) {
            return new Judgement.Open(judging);
        }
        if (!judging.filled()) {
            return new Judgement.Closed(new Outcome("NOT_FILLED", horizonEnd, null, null), judging);
        }
        BigDecimal exit = judging.lastClose() == null ? signal.entry() : judging.lastClose();
        return closed("EXPIRED", horizonEnd, exit, signal, side, judging);
    }

    /** Low ≤ entry ≤ high, or a gap across the entry since the last close. */
    private static boolean touches(Candle c, BigDecimal entry, BigDecimal lastClose) {
        if (c.low().compareTo(entry) <= 0 && c.high().compareTo(entry) >= 0) {
            return true;
        }
        return lastClose != null && lastClose.compareTo(entry) * c.open().compareTo(entry) < 0;
    }

    private static BigDecimal target(OpenSignal signal) {
        return signal.takeProfits().getFirst();
    }

    private static Judgement closed(String status, Instant at, BigDecimal exit, OpenSignal signal, int side, Judging judging) {
        BigDecimal risk = signal.entry().subtract(signal.stopLoss()).abs();
        BigDecimal r = exit.subtract(signal.entry()).multiply(BigDecimal.valueOf(side)).divide(risk, R);
        return new Judgement.Closed(new Outcome(status, at, exit, r), judging);
    }
}
