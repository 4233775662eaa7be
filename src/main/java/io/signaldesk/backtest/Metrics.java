package io.signaldesk.backtest;

import java.time.LocalDate;

/**
 * The one metrics implementation (backtests and reports). Ratios are fractions (0.12 = 12 %).
 *
 * @param trades               filled trades (NOT_FILLED left out)
 * @param expectancy           average net R per trade, in R
 * @param profitFactor         gross wins over gross losses in net R; infinite with no loss, NaN with no trade
 * @param sharpe               annualised from daily returns (mean / sd × √365; crypto trades every day)
 * @param sortino              annualised from daily returns, downside deviation
 * @param calmar               CAGR over max drawdown
 * @param maxDrawdown          the largest fall from a peak of equity, as a fraction of that peak
 * @param exposure             share of the span with a position open
 * @param buyAndHoldReturn     the pair's return from the span's first open to its last close
 */
public record Metrics(int trades, double winRate, double averageR, double medianR, double expectancy, double profitFactor,
                      double totalReturn, double cagr, double sharpe, double sortino, double calmar, double maxDrawdown,
                      LocalDate drawdownStart, LocalDate drawdownEnd, double exposure, int longestLosingStreak,
                      double buyAndHoldReturn) {
}
