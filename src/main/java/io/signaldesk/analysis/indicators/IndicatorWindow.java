package io.signaldesk.analysis.indicators;

import io.signaldesk.analysis.technical.TimeframeReading;
import io.signaldesk.market.Candle;
import io.signaldesk.market.SnapshotRule;
import io.signaldesk.market.Timeframe;
import java.time.Instant;
import java.util.List;

/**
 * The candles the indicators at one candle are computed over: the snapshot window ({@link SnapshotRule}, at most
 * {@value SnapshotRule#CANDLES} closed candles ending with it), exactly what the live analyst reads at that candle's
 * close. Its hash covers every value the indicators read (open time and the five prices as doubles), so a stored value
 * is used only for the very candles it was computed over.
 */
public record IndicatorWindow(Timeframe timeframe, List<Candle> candles) {

    public IndicatorWindow {
        if (candles.isEmpty()) {
            throw new IllegalArgumentException("an indicator window needs at least one candle");
        }
    }

    /** The window at candle {@code index} of a series read from its start or holding at least a full window before it. */
    public static IndicatorWindow at(Timeframe timeframe, List<Candle> series, int index) {
        return new IndicatorWindow(timeframe, series.subList(Math.max(0, index + 1 - SnapshotRule.CANDLES), index + 1));
    }

    public int size() {
        return candles.size();
    }

    public Instant lastOpenTime() {
        return candles.getLast().openTime();
    }

    /** Enough candles for every indicator to be past its warm-up (what the technical analyst requires). */
    public boolean warmedUp() {
        return candles.size() >= TimeframeReading.WARM_UP;
    }

    /** The reading at the last candle, computed now: the code the live analyst runs. */
    public TimeframeReading compute() {
        return TimeframeReading.of(timeframe, candles);
    }

    /** A 64-bit hash of the candles as the indicators read them. */
    public long hash() {
        long hash = 1125899906842597L;
        for (Candle candle : candles) {
            hash = mix(hash, candle.openTime().toEpochMilli());
            hash = mix(hash, Double.doubleToLongBits(candle.open().doubleValue()));
            hash = mix(hash, Double.doubleToLongBits(candle.high().doubleValue()));
            hash = mix(hash, Double.doubleToLongBits(candle.low().doubleValue()));
            hash = mix(hash, Double.doubleToLongBits(candle.close().doubleValue()));
            hash = mix(hash, Double.doubleToLongBits(candle.volume().doubleValue()));
        }
        return hash;
    }

    private static long mix(long hash, long value) {
        long h = (hash ^ value) * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }
}
