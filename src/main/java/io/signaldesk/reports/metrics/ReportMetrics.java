package io.signaldesk.reports.metrics;

import java.time.LocalDate;

/**
 * The stored daily metrics read back over a span of days, for the report renderer. Days are calendar days of
 * {@code SIGNALDESK_JOBS_ZONE} (the zone {@code reports.calculate-metrics} closes its days in); a span's figures are the
 * sums of its days' stored counts and R sums, ratios derived from those sums. A day not computed yet (the job has not run
 * for it) is simply absent: {@link ChatMetrics#daysComputed()} tells how many of the span's days are in.
 */
public interface ReportMetrics {

    /**
     * What the subscriptions delivering to one chat did in {@code [from, toInclusive]}: per bot and pair, in total, the
     * best and worst signal, the fixed-risk equity per day, the data-quality notes and the track record to date.
     *
     * @throws IllegalArgumentException when {@code toInclusive} is before {@code from}
     */
    ChatMetrics forChat(long destinationId, LocalDate from, LocalDate toInclusive);

    /**
     * A user's money in {@code [from, toInclusive]}: realized PnL per day and in total, unrealized PnL and equity at each
     * day's end, the equity change over the span.
     *
     * @throws IllegalArgumentException when {@code toInclusive} is before {@code from}
     */
    UserMetrics forUser(long userId, LocalDate from, LocalDate toInclusive);
}
