package io.signaldesk.backtest.replay;

import io.signaldesk.market.Candle;
import io.signaldesk.market.Timeframe;
import java.time.Instant;
import java.util.Collections;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The stored closed candles a replay reads, per timeframe (smallest first: the base), oldest first, warm-up included: what
 * {@link io.signaldesk.market.CandleHistory#closedCandles} gave.
 */
public record ReplayHistory(SortedMap<Timeframe, List<Candle>> series) {

    public ReplayHistory {
        var copy = new TreeMap<Timeframe, List<Candle>>();
        series.forEach((timeframe, candles) -> copy.put(timeframe, List.copyOf(candles)));
        series = Collections.unmodifiableSortedMap(copy);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a replay needs the candles of at least one timeframe");
        }
    }

    public Timeframe base() {
        return series.firstKey();
    }

    public List<Candle> baseCandles() {
        return series.get(base());
    }

    /** The indexes of the base candles closing in [{@code from}, {@code to}): the decision points, oldest first. */
    public List<Integer> decisionIndexes(Instant from, Instant to) {
        List<Candle> candles = baseCandles();
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < candles.size(); i++) {
            Instant close = base().closeOf(candles.get(i).openTime());
            if (!close.isBefore(from) && close.isBefore(to)) {
                indexes.add(i);
            }
        }
        return indexes;
    }

    /** The close of the history's last base candle: judging stops there (a signal whose horizon reaches past it stays open). */
    public Instant end() {
        List<Candle> candles = baseCandles();
        return candles.isEmpty() ? Instant.MIN : base().closeOf(candles.getLast().openTime());
    }
}
