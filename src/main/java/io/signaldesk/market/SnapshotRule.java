package io.signaldesk.market;

import java.time.Instant;
import java.util.List;

/**
 * Which candles an analysis at a base close T sees: per timeframe, the last {@value #CANDLES} candles that <b>closed at or
 * before T</b> (that open at or before T minus the timeframe's length). A larger timeframe's candle still forming at T is
 * not in it; one closing exactly at T is. The one rule for the live analysis ({@link MarketData#snapshotCandles} reads it
 * from the candle table) and the backtest's replay ({@link #window} over a stored series in memory): a replayed decision
 * sees what a live one would have seen at that close, and nothing after it.
 */
public final class SnapshotRule {

    /** Candles per timeframe in a snapshot: the indicators' longest warm-up with room to spare. */
    public static final int CANDLES = 200;

    private SnapshotRule() {
    }

    /** The open time of the newest candle of {@code timeframe} a snapshot at {@code close} may hold. */
    public static Instant lastOpen(Timeframe timeframe, Instant close) {
        return close.minus(timeframe.duration());
    }

    /**
     * The snapshot's candles of one timeframe at {@code close}, from a stored series.
     *
     * @param series closed candles of {@code timeframe}, oldest first (gaps allowed)
     * @return a view of at most {@value #CANDLES} candles, oldest first
     */
    public static List<Candle> window(List<Candle> series, Timeframe timeframe, Instant close) {
        int end = end(series, timeframe, close);
        return series.subList(Math.max(0, end - CANDLES), end);
    }

    /** How many candles of {@code series} (oldest first) a snapshot at {@code close} may reach back over: the index after its newest. */
    private static int end(List<Candle> series, Timeframe timeframe, Instant close) {
        Instant lastOpen = lastOpen(timeframe, close);
        int low = 0;
        int high = series.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (series.get(middle).openTime().isAfter(lastOpen)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }
}
