package io.signaldesk.reports.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A user's money on one day, in USDT.
 *
 * @param realizedPnl   PnL of the positions closed that day (by their close time)
 * @param unrealizedPnl of the positions open at the day's end, at their last mark at or before it, as last computed within
 *                      the day (a later recompute that no longer sees those marks keeps it); null when none was marked
 * @param equity        exchange equity: the sum over the user's real exchange accounts of the last good balance at or before
 *                      the day's end; null when no such account had a balance by then (the paper account is never in it)
 * @param paperEquity   the paper account's configured equity; null without a paper account
 * @param computed      false when the day's metrics were not computed (yet): every figure null or zero
 */
public record UserDay(LocalDate day, BigDecimal realizedPnl, BigDecimal unrealizedPnl, BigDecimal equity, BigDecimal paperEquity,
                      boolean computed) {

    /** A day without a paper account. */
    public UserDay(LocalDate day, BigDecimal realizedPnl, BigDecimal unrealizedPnl, BigDecimal equity, boolean computed) {
        this(day, realizedPnl, unrealizedPnl, equity, null, computed);
    }

    /** Exchange equity ({@link #equity}), named for what it is. */
    public BigDecimal exchangeEquity() {
        return equity;
    }
}
