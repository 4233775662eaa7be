package io.signaldesk.analysis.indicators;

import io.signaldesk.analysis.technical.TimeframeReading;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one {@code market.update-indicators} run did: the series it looked at, the rows it wrote (new, or replacing
 * values computed over other candles) and the series it skipped, counted by reason.
 */
public record IndicatorRun(int series, int rowsStored, Map<Skip, Integer> skips) {

    /** Why a series got no new indicators in a run. */
    public enum Skip {
        STALE("not fresh (its recent candles are not stored)"),
        TOO_FEW_CANDLES("fewer than " + TimeframeReading.WARM_UP + " closed candles"),
        FAILED("failed (database)");

        private final String reason;

        Skip(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    public IndicatorRun {
        skips = Map.copyOf(skips);
    }

    public int skipped(Skip reason) {
        return skips.getOrDefault(reason, 0);
    }

    /** The run's summary as the job logs it, e.g. {@code 12 series, 24 rows stored; skipped: 1 fewer than 60 closed candles}. */
    @Override
    public String toString() {
        String skipped = skips.isEmpty() ? "none skipped" : "skipped: " + skips.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getValue() + " " + entry.getKey().reason())
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%d series, %d rows stored; %s", series, rowsStored, skipped);
    }

    /** Counts during a run (one thread). */
    static final class Counter {

        private int stored;
        private final Map<Skip, Integer> skips = new EnumMap<>(Skip.class);

        void stored(int rows) {
            stored += rows;
        }

        void skip(Skip reason) {
            skips.merge(reason, 1, Integer::sum);
        }

        IndicatorRun result(int series) {
            return new IndicatorRun(series, stored, skips);
        }
    }
}
