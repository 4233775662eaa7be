package io.signaldesk.analysis.technical;

import io.signaldesk.market.Candle;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.util.List;

/**
 * Where the technical analyst and the LLM prompt get a timeframe's reading at the last candle of a snapshot window:
 * computed now ({@link #COMPUTED}), or the stored indicators when they were computed over the same candles
 * ({@code io.signaldesk.analysis.Indicators}). Either way the reading equals {@link TimeframeReading#of}.
 */
@FunctionalInterface
public interface ReadingSource {

    /** Every reading computed now, over the window. */
    ReadingSource COMPUTED = (exchange, symbol, timeframe, window) -> TimeframeReading.of(timeframe, window);

    /**
     * @param window the snapshot's closed candles of the timeframe, oldest first (at least {@link TimeframeReading#WARM_UP})
     */
    TimeframeReading reading(ExchangeId exchange, Symbol symbol, Timeframe timeframe, List<Candle> window);
}
