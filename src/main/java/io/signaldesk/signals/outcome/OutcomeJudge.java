package io.signaldesk.signals.outcome;

import io.signaldesk.analysis.Action;
import io.signaldesk.market.Candle;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Judges an open signal on the closed candles after the one it was issued on, up to its horizon, in
 * order: the first candle that reaches the stop-loss or the first take-profit ends it there; a candle
 * that reaches both counts as the stop (inside one candle the order is unknown, and the cautious
 * reading wins). With neither, once the horizon has passed the signal expires at the close of the last
 * candle within it. R is the result over the risk from entry to stop. (The first candle opens when the
 * signal's candle closes, a run delay before the signal was issued: its first seconds are counted.)
 */
final class OutcomeJudge {

    private static final MathContext R = new MathContext(6);

    private OutcomeJudge() {
    }

    static Optional<Outcome> judge(OpenSignal signal, List<Candle> after, Instant now, Duration horizon) {
        int side = signal.action() == Action.BUY ? 1 : -1;
        BigDecimal risk = signal.entry().subtract(signal.stopLoss()).abs();
        BigDecimal target = signal.takeProfits().getFirst();
        Instant horizonEnd = signal.issuedAt().plus(horizon);
        List<Candle> withinHorizon = after.stream()
                .filter(c -> !signal.series().timeframe().closeOf(c.openTime()).isAfter(horizonEnd))
                .toList();
        for (Candle c : withinHorizon) {
            boolean stopped = side > 0 ? c.low().compareTo(signal.stopLoss()) <= 0 : c.high().compareTo(signal.stopLoss()) >= 0;
            boolean reached = side > 0 ? c.high().compareTo(target) >= 0 : c.low().compareTo(target) <= 0;
            Instant closedAt = signal.series().timeframe().closeOf(c.openTime());
            if (stopped) {
                return Optional.of(new Outcome("STOP_LOSS", closedAt, signal.stopLoss(), r(signal.stopLoss(), signal, side, risk)));
            }
            if (reached) {
                return Optional.of(new Outcome("TAKE_PROFIT", closedAt, target, r(target, signal, side, risk)));
            }
        }
        if (now.isBefore(horizonEnd)) {
            return Optional.empty();
        }
        BigDecimal exit = withinHorizon.isEmpty() ? signal.entry() : withinHorizon.getLast().close();
        return Optional.of(new Outcome("EXPIRED", horizonEnd, exit, r(exit, signal, side, risk)));
    }

    private static BigDecimal r(BigDecimal exit, OpenSignal signal, int side, BigDecimal risk) {
        return exit.subtract(signal.entry()).multiply(BigDecimal.valueOf(side)).divide(risk, R);
    }
}
