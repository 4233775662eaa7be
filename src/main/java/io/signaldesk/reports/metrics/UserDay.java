package io.signaldesk.reports.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A user's money on one day, in USDT.
 *
 * @param realizedPnl   PnL of the positions closed that day (by their close time)
 * @param unrealizedPnl of the positions open at the day's end, at their last mark at or before it; null when none was open
 * @param equity        the sum over the user's accounts of the last good balance at or before the day's end (the paper
 *                      account's equity for paper); null when no account had a balance by then
 * @param computed      false when the day's metrics were not computed (yet): every figure null or zero
 */
public record UserDay(LocalDate day, BigDecimal realizedPnl, BigDecimal unrealizedPnl, BigDecimal equity, boolean computed) {
}
