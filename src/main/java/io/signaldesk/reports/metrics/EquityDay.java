package io.signaldesk.reports.metrics;

import java.time.LocalDate;

/**
 * The fixed-risk model's equity at a day's end: equity starts at 1.0 at the span's start and every trade closed multiplies
 * it by (1 + risk per trade × R) at its close ({@code backtest.metrics.BacktestMetrics#equity}'s model, the risk per trade
 * being {@code SIGNALDESK_BACKTEST_RISK_PER_TRADE}).
 *
 * @param equity   at the day's end, relative to 1.0 at the span's start
 * @param drawdown how far below its running peak (within the span, intraday closes included) it is at the day's end, 0..1
 * @param computed false when the day's metrics were not computed (yet): equity carried over unchanged
 */
public record EquityDay(LocalDate day, double equity, double drawdown, boolean computed) {
}
