package io.signaldesk.backtest.metrics;

import io.signaldesk.backtest.Trade;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The share of a span with a position open: the union of the filled trades' [filledAt, closedAt) intervals, clipped
 * to [from, to), over the span's length. Overlapping positions count once (the time is exposed, however many are
 * open). NaN for an empty span; 0 with no filled trade.
 */
public final class Exposure {

    private Exposure() {
    }

    public static double of(List<Trade> trades, Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Double.NaN;
        }
        List<Trade> filled = TradeStatistics.filledInClosingOrder(trades).stream()
                .sorted(Comparator.comparing(Trade::filledAt)).toList();
        long exposedMillis = 0;
        Instant coveredUntil = from;
        for (Trade trade : filled) {
            Instant start = latest(trade.filledAt(), coveredUntil);
            Instant end = trade.closedAt().isBefore(to) ? trade.closedAt() : to;
            if (end.isAfter(start)) {
                exposedMillis += Duration.between(start, end).toMillis();
                coveredUntil = end;
            }
        }
        return (double) exposedMillis / Duration.between(from, to).toMillis();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
