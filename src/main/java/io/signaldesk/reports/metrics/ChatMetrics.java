package io.signaldesk.reports.metrics;

import io.signaldesk.signals.TrackRecord;
import java.time.LocalDate;
import java.util.List;

/**
 * A chat's signal metrics over a span of days.
 *
 * @param daysComputed  how many days of the span have stored metrics (fewer than the span's length: the job has not run
 *                      for the rest yet)
 * @param rows          per bot and pair, by bot name then exchange then pair
 * @param total         every row summed
 * @param best          the best trade of the span by R, null with no trade
 * @param worst         the worst trade of the span by R, null with no trade
 * @param equity        the fixed-risk model over all the chat's trades, one point per day of the span
 * @param equityChange  over the span as a fraction (0.02 = +2 %)
 * @param maxDrawdown   the model's largest fall from a running peak within the span, 0..1
 * @param dataQuality   days on which a followed series had no or partial data, by day
 * @param trackRecord   the chat's track record to date (every signal of its subscriptions, as {@code /stats} counts it)
 */
public record ChatMetrics(long destinationId, LocalDate from, LocalDate toInclusive, int daysComputed, List<BotPairMetrics> rows,
                          SignalCounts total, SignalResult best, SignalResult worst, List<EquityDay> equity, double equityChange,
                          double maxDrawdown, List<DataQualityNote> dataQuality, TrackRecord.Summary trackRecord) {

    public ChatMetrics {
        rows = List.copyOf(rows);
        equity = List.copyOf(equity);
        dataQuality = List.copyOf(dataQuality);
    }

    /** True when no signal was issued or closed in the span (a report may send one short line or nothing). */
    public boolean quiet() {
        return total.issued() == 0 && total.closed() == 0;
    }
}
