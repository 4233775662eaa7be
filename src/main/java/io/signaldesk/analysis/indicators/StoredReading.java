package io.signaldesk.analysis.indicators;

import io.signaldesk.analysis.technical.TimeframeReading;
import java.time.Instant;

/**
 * One stored row of {@code indicator_value}: the reading at the candle opening at {@code openTime}, computed over a
 * window of {@code windowCandles} closed candles ending with it whose values hash to {@code windowHash}
 * ({@link IndicatorWindow#hash}), with the indicator {@code parameters} of the time.
 */
public record StoredReading(Instant openTime, String parameters, int windowCandles, long windowHash,
                            TimeframeReading reading, Instant computedAt) {

    /** Whether this row holds what computing now over {@code window} with {@code parameters} would give. */
    public boolean computedOver(IndicatorWindow window, String currentParameters) {
        return parameters.equals(currentParameters) && windowCandles == window.size() && windowHash == window.hash()
                && openTime.equals(window.lastOpenTime());
    }
}
