package io.signaldesk.backtest;

import java.time.LocalDate;

/**
 * The one metrics implementation (backtests and reports). Ratios are fractions (0.12 = 12 %). Computed by
 * {@link io.signaldesk.backtest.metrics.BacktestMetrics#of}, whose javadoc (and its pieces') says how each figure is
 * made and what it is in the edge cases (no trade, no loss, flat equity). NaN means undefined (e.g. a win rate with
 * no trade), never "0".
 *
 * @param trades               filled trades (NOT_FILLED left out)
 * @param winRate              share of filled trades with net R &gt; 0 (not the TAKE_PROFIT share)
 * @param averageR             mean net R per filled trade
 * @param medianR              median net R per filled trade
 * @param expectancy           average net R per trade, in R
 * @param profitFactor         gross wins over gross losses in net R; infinite with no loss, NaN with no trade
 * @param totalReturn          final equity / starting equity − 1
 * @param cagr                 by calendar span, a year being 365 days
 * @param sharpe               annualised from daily returns (mean / sd × √365; crypto trades every day)
 * @param sortino              annualised from daily returns, downside deviation
 * @param calmar               CAGR over max drawdown
 * @param maxDrawdown          the largest fall from a peak of equity, as a fraction of that peak
 * @param drawdownStart        UTC date the max drawdown's peak was first reached; null with no drawdown
 * @param drawdownEnd          UTC date its trough was first reached; null with no drawdown
 * @param exposure             share of the span with a position open
 * @param longestLosingStreak  most filled trades in a row with net R &lt; 0, in closing order
 * @param buyAndHoldReturn     the pair's return from the span's first open to its last close
 */
public record Metrics(int trades, double winRate, double averageR, double medianR, double expectancy, double profitFactor,
                      double totalReturn, double cagr, double sharpe, double sortino, double calmar, double maxDrawdown,
                      LocalDate drawdownStart, LocalDate drawdownEnd, double exposure, int longestLosingStreak,
                      double buyAndHoldReturn) {
}
