package io.signaldesk.market.history;

import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.Timeframe;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A run of consecutive candles of a series that the candle table lacks: those opening in [{@code first},
 * {@code end}).
 */
record Gap(Instant first, Instant end) {

    /** How many candles of this timeframe the gap holds. */
    long candles(Timeframe timeframe) {
        return (end.toEpochMilli() - first.toEpochMilli()) / timeframe.duration().toMillis();
    }

    /**
     * The gaps between the expected open times in [{@code first}, {@code end}) (every multiple of the
     * timeframe) and the stored ones ({@code stored}, oldest first, all aligned and in range).
     */
    static List<Gap> between(Timeframe timeframe, Instant first, Instant end, List<Instant> stored) {
        List<Gap> gaps = new ArrayList<>();
        Instant expected = first;
        Iterator<Instant> have = stored.iterator();
        while (expected.isBefore(end)) {
            Instant next = have.hasNext() ? have.next() : end;
            if (next.isAfter(expected)) {
                gaps.add(new Gap(expected, next));
            }
            expected = next.plus(timeframe.duration());
        }
        return gaps;
    }

    /** E.g. {@code binance BTC/USDT 4h perp: 2024-01-03 00:00..2024-02-01 00:00 UTC (174 candles), exchange down: timeout}. */
    String describe(SeriesKey key, String reason) {
        return key + ": " + format(first) + ".." + format(end) + " UTC (" + candles(key.timeframe()) + " candles), " + reason;
    }

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private static String format(Instant instant) {
        return MINUTE.format(instant);
    }
}
