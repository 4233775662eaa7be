package io.signaldesk.reports.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A user's positions and accounts over a span of days, in USDT.
 *
 * @param days            one per day of the span, oldest first
 * @param realizedPnl     the span's days summed
 * @param unrealizedPnl   at the span's last computed day's end; null when nothing was open
 * @param equityStart     equity at the end of the day before the span (else of the span's first computed day); null if unknown
 * @param equityEnd       equity at the span's last computed day's end; null if unknown
 * @param equityChange    equityEnd − equityStart; null when either is unknown
 */
public record UserMetrics(long userId, LocalDate from, LocalDate toInclusive, List<UserDay> days, BigDecimal realizedPnl,
                          BigDecimal unrealizedPnl, BigDecimal equityStart, BigDecimal equityEnd, BigDecimal equityChange) {

    public UserMetrics {
        days = List.copyOf(days);
    }
}
