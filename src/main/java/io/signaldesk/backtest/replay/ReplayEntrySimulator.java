package io.signaldesk.backtest.replay;

import io.signaldesk.analysis.Action;
import io.signaldesk.backtest.Trade;
import io.signaldesk.backtest.baseline.EntrySimulator;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The null baseline's random entries, judged and costed exactly like the bot's ({@link TradeSimulator}): entry at the
 * decision candle's close (a market entry), stop and first target from the given fractions, not rounded to a tick. An
 * entry still open where the history ends comes back not filled (it risked nothing that can be counted).
 */
public final class ReplayEntrySimulator implements EntrySimulator {

    private static final MathContext PRICE = new MathContext(12);

    private final ReplayHistory history;
    private final TradeSimulator simulator;
    private final List<Instant> times;
    private final Map<Instant, Integer> indexes = new HashMap<>();

    public ReplayEntrySimulator(ReplayHistory history, TradeSimulator simulator, Replay.Result replayed) {
        this.history = history;
        this.simulator = simulator;
        this.times = replayed.decisionTimes();
        for (int i = 0; i < times.size(); i++) {
            indexes.put(times.get(i), replayed.decisionIndexes().get(i));
        }
    }

    @Override
    public List<Instant> decisionTimes() {
        return times;
    }

    @Override
    public Trade enter(Instant decidedAt, Action side, double stopFraction, double rewardRisk) {
        Integer index = indexes.get(decidedAt);
        if (index == null) {
            throw new IllegalArgumentException(decidedAt + " is not a replayed decision time");
        }
        BigDecimal entry = history.baseCandles().get(index).close();
        int s = side == Action.BUY ? 1 : -1;
        BigDecimal risk = entry.multiply(BigDecimal.valueOf(stopFraction), PRICE);
        BigDecimal stop = entry.subtract(risk.multiply(BigDecimal.valueOf(s)), PRICE);
        BigDecimal target = entry.add(risk.multiply(BigDecimal.valueOf(rewardRisk * s), PRICE), PRICE);
        return simulator.trade(index, side, entry, stop, List.of(target))
                .orElseGet(() -> new Trade(side, decidedAt, entry.doubleValue(), stop.doubleValue(), target.doubleValue(), null,
                        Double.NaN, "NOT_FILLED", history.end(), Double.NaN, Double.NaN, Double.NaN));
    }
}
