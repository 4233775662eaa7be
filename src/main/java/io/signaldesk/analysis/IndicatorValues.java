package io.signaldesk.analysis;

import io.signaldesk.market.SeriesKey;
import java.time.Instant;

/**
 * What {@link Indicators#latest} answers: a series' indicators at its last closed candle, or why there are none.
 */
public sealed interface IndicatorValues {

    /** Where the values came from: the stored ones (computed over the very same candles), or computed now. */
    enum Source { STORED, COMPUTED }

    /**
     * The indicators at the candle opening at {@code candleOpenTime} (RSI 14, MACD 12/26/9, Bollinger 20/2, ATR 14,
     * EMA 20 and 50, SMA 50; see {@code parameters}), over the last closed candles up to it: what the technical analyst
     * decides on at that candle's close.
     */
    record Current(SeriesKey series, Instant candleOpenTime, Source source, String parameters, double close, double rsi,
                   double macd, double macdSignal, double macdHistogram, double bollingerUpper, double bollingerMiddle,
                   double bollingerLower, double atr, double sma50, double ema20, double ema50) implements IndicatorValues {
    }

    /** None: the series is stale, or has too few closed candles for the indicators' warm-up. */
    record Unavailable(SeriesKey series, String reason) implements IndicatorValues {
    }
}
