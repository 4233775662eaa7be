package io.signaldesk.market;

import java.time.Instant;
import java.util.List;

/**
 * The answer to "the last N closed candles of a series": either fresh candles, or why there are none
 * to use. A stale series carries no candles, so nothing can be computed from stale data by mistake.
 */
public sealed interface CandleRead {

    SeriesKey key();

    /**
     * The series' last candle closed within two intervals.
     *
     * @param candles closed candles, oldest first; fewer than asked when the history is shorter
     */
    record Fresh(SeriesKey key, List<Candle> candles) implements CandleRead {
        public Fresh {
            candles = List.copyOf(candles);
        }

        public Candle last() {
            return candles.getLast();
        }
    }

    /**
     * No usable data: never synced, or its last closed candle is older than two intervals.
     *
     * @param lastClose when its last stored closed candle closed, or null if none
     * @param lastError the last sync error, or null
     */
    record Stale(SeriesKey key, Instant lastClose, String lastError) implements CandleRead {

        public String reason() {
            String when = lastClose == null ? "no candles yet" : "last candle closed at " + lastClose;
            return key + ": " + when + (lastError == null ? "" : "; last sync error: " + lastError);
        }
    }
}
