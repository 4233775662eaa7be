package io.signaldesk.backtest;

import io.signaldesk.market.Candle;
import io.signaldesk.market.CandleHistory;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.Timeframe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A candle history held in memory for backtest tests (the stored one is the market module's): every fill is one page and
 * answers the {@code missing} it was given for that timeframe.
 */
public final class FakeCandleHistory implements CandleHistory {

    private final Map<Timeframe, List<Candle>> candles;
    private final Map<Timeframe, List<String>> missing;
    public final List<SeriesKey> filled = new ArrayList<>();

    public FakeCandleHistory(Map<Timeframe, List<Candle>> candles, Map<Timeframe, List<String>> missing) {
        this.candles = candles;
        this.missing = missing;
    }

    public FakeCandleHistory(Map<Timeframe, List<Candle>> candles) {
        this(candles, Map.of());
    }

    @Override
    public HistoryFill fill(SeriesKey key, Instant from, Instant to, Pages pages) {
        filled.add(key);
        pages.fetched(1, 1);
        return new HistoryFill(key, 1, missing.getOrDefault(key.timeframe(), List.of()));
    }

    @Override
    public List<Candle> closedCandles(SeriesKey key, Instant from, Instant to) {
        return candles.getOrDefault(key.timeframe(), List.of()).stream()
                .filter(candle -> !candle.openTime().isBefore(from) && candle.openTime().isBefore(to)).toList();
    }
}
