package io.signaldesk.market;

import java.time.Instant;
import java.util.List;

/**
 * History for backtests: more candles than the live 200. Missing candles of a span are fetched from the
 * exchange in pages (its "candles since" call), on the exchange's own limiter behind the live sync, and
 * stored in the candle table; the simulated exchange serves any span offline; imported candles count.
 */
public interface CandleHistory {

    /** Fetch progress: {@code page} of about {@code pages}. */
    interface Pages {
        void fetched(int page, int pages);
    }

    /**
     * Makes sure the series' closed candles opening in [{@code from}, {@code to}) are stored, fetching what is
     * missing; what could not be had is in the answer, never silently dropped.
     */
    HistoryFill fill(SeriesKey key, Instant from, Instant to, Pages pages);

    /** Stored closed candles opening in [{@code from}, {@code to}), oldest first. */
    List<Candle> closedCandles(SeriesKey key, Instant from, Instant to);

    /**
     * @param missing what could not be fetched (e.g. "binance BTC/USDT 4h: 2024-01-03..2024-02-01, exchange down:
     *                timeout"); empty when the whole span is stored
     */
    record HistoryFill(SeriesKey key, int pagesFetched, List<String> missing) {
        public HistoryFill {
            missing = List.copyOf(missing);
        }
    }
}
