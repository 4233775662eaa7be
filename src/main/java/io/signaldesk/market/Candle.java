package io.signaldesk.market;

import java.math.BigDecimal;
import java.time.Instant;

/** One OHLCV candle; prices in the quote currency, volume in the base currency. */
public record Candle(Instant openTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, BigDecimal volume) {

    public Candle {
        if (openTime == null || open == null || high == null || low == null || close == null || volume == null) {
            throw new IllegalArgumentException("a candle needs its open time, open, high, low, close and volume");
        }
    }
}
