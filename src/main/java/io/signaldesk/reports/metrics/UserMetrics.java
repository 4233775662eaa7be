package io.signaldesk.reports.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A user's positions and accounts over a span of days, in USDT. Equity is exchange equity (real exchange accounts, from
 * their balance history); the paper account's equity is reported apart and never added to it.
 *
 * @param days            one per day of the span, oldest first
 * @param realizedPnl     the span's days summed
 * @param unrealizedPnl   at the span's last computed day's end; null when nothing was open
 * @param equityStart     exchange equity at the end of the day before the span (else of the span's first computed day); null if unknown
 * @param equityEnd       exchange equity at the span's last computed day's end; null if unknown
 * @param equityChange    equityEnd − equityStart; null when either is unknown
 * @param paperEquityEnd  the paper account's equity at the span's last computed day's end; null without one
 */
public record UserMetrics(long userId, LocalDate from, LocalDate toInclusive, List<UserDay> days, BigDecimal realizedPnl,
                          BigDecimal unrealizedPnl, BigDecimal equityStart, BigDecimal equityEnd, BigDecimal equityChange,
                          BigDecimal paperEquityEnd) {

    public UserMetrics {
        days = List.copyOf(days);
    }

    /** Without a paper account. */
    public UserMetrics(long userId, LocalDate from, LocalDate toInclusive, List<UserDay> days, BigDecimal realizedPnl,
                       BigDecimal unrealizedPnl, BigDecimal equityStart, BigDecimal equityEnd, BigDecimal equityChange) {
        this(userId, from, toInclusive, days, realizedPnl, unrealizedPnl, equityStart, equityEnd, equityChange, null);
    }
}
