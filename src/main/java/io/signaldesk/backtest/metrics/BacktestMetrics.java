package io.signaldesk.backtest.metrics;

import io.signaldesk.backtest.EquityPoint;
import io.signaldesk.backtest.Metrics;
import io.signaldesk.backtest.Trade;
import io.signaldesk.market.Candle;
import io.signaldesk.market.Timeframe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one metrics implementation and the equity model (a fixed fraction of equity risked per trade). Pure and
 * stateless: backtests and reports call the same two functions. The pieces are usable on their own:
 * {@link TradeStatistics}, {@link Drawdown}, {@link DailyReturns}, {@link Exposure}.
 */
public final class BacktestMetrics {

    private BacktestMetrics() {
    }

    /**
     * The equity curve: equity starts at 1.0 and each filled trade multiplies it by (1 + riskPerTrade × netR) at its
     * {@code closedAt} (NOT_FILLED trades change nothing; equity does not move while a trade is open).
     * <ul>
     *   <li>The first point is the span's start, the first candle's open time, with equity and buy-and-hold at 1.0;
     *       then one point per candle at its close, with equity as of that close (every trade closed at or before
     *       it booked) and buy-and-hold = that candle's close / the first candle's open.</li>
     *   <li>A trade closing after the last candle's close is not in the curve (it is in the trade statistics).</li>
     *   <li>No candle: no point.</li>
     * </ul>
     *
     * @param candles      the base timeframe's candles of the span, oldest first (gaps allowed: no point for them)
     * @param riskPerTrade the fraction of equity risked per trade, in (0, 1]
     */
    public static List<EquityPoint> equity(List<Trade> trades, Timeframe base, List<Candle> candles, double riskPerTrade) {
        if (!(riskPerTrade > 0 && riskPerTrade <= 1)) {
            throw new IllegalArgumentException("the risk per trade is a fraction of equity above 0 and at most 1, e.g. 0.01");
        }
        if (candles.isEmpty()) {
            return List.of();
        }
        List<Trade> filled = TradeStatistics.filledInClosingOrder(trades);
        double firstOpen = candles.getFirst().open().doubleValue();
        List<EquityPoint> points = new ArrayList<>(candles.size() + 1);
        points.add(new EquityPoint(candles.getFirst().openTime(), 1.0, 1.0));
        double equity = 1.0;
        int booked = 0;
        Instant lastOpen = null;
        for (Candle candle : candles) {
            if (lastOpen != null && !candle.openTime().isAfter(lastOpen)) {
                throw new IllegalArgumentException("candles must be oldest first with no repeat: " + candle.openTime()
                        + " came after " + lastOpen);
            }
            lastOpen = candle.openTime();
            Instant close = base.closeOf(candle.openTime());
            while (booked < filled.size() && !filled.get(booked).closedAt().isAfter(close)) {
                equity *= 1 + riskPerTrade * filled.get(booked++).netR();
            }
            points.add(new EquityPoint(close, equity, candle.close().doubleValue() / firstOpen));
        }
        return points;
    }

    /**
     * Every field of {@link Metrics} from the trades and their equity curve (as {@link #equity} makes it: the span is
     * from the first point to the last, returns are relative to the first point).
     * <ul>
     *   <li>Trade figures: see {@link TradeStatistics} (filled trades only, net R; win rate = net R &gt; 0).</li>
     *   <li>Total return: last equity / first − 1. Buy-and-hold likewise on the buy-and-hold column.</li>
     *   <li>CAGR by calendar span, a year being 365 days (as in the √365 below):
     *       (1 + total return)^(365 days / span) − 1; −1 if equity ended at or below 0; NaN for a span of no time.</li>
     *   <li>Sharpe and Sortino: from UTC daily returns, annualised with √365; see {@link DailyReturns} for how and for
     *       their edge cases (flat equity: 0; fewer than two days: NaN).</li>
     *   <li>Max drawdown and its dates (UTC): see {@link Drawdown}; 0 and null dates when equity never fell.</li>
     *   <li>Calmar: CAGR / max drawdown; with no drawdown, 0 if CAGR is 0 and +∞ if it is positive.</li>
     *   <li>Exposure: see {@link Exposure}, over the curve's span.</li>
     * </ul>
     *
     * @param equity the curve, at least its first point
     */
    public static Metrics of(List<Trade> trades, List<EquityPoint> equity) {
        if (equity.isEmpty()) {
            throw new IllegalArgumentException("metrics need an equity curve with at least its starting point");
        }
        TradeStatistics stats = TradeStatistics.of(trades);
        EquityPoint first = equity.getFirst();
        EquityPoint last = equity.getLast();
        double growth = last.equity() / first.equity();
        double cagr = cagr(growth, Duration.between(first.at(), last.at()));
        Drawdown drawdown = Drawdown.max(equity);
        DailyReturns daily = DailyReturns.of(equity);
        double calmar = drawdown.depth() == 0 && cagr == 0 ? 0 : cagr / drawdown.depth();
        return new Metrics(stats.trades(), stats.winRate(), stats.averageR(), stats.medianR(), stats.expectancy(),
                stats.profitFactor(), growth - 1, cagr, daily.sharpe(), daily.sortino(), calmar, drawdown.depth(),
                drawdown.peakDate(), drawdown.troughDate(), Exposure.of(trades, first.at(), last.at()),
                stats.longestLosingStreak(), last.buyAndHold() / first.buyAndHold() - 1);
    }

    static double cagr(double growth, Duration span) {
        if (span.isZero() || span.isNegative()) {
            return Double.NaN;
        }
        if (growth <= 0) {
            return -1;
        }
        double years = span.toMillis() / (DailyReturns.DAYS_PER_YEAR * Duration.ofDays(1).toMillis());
        return Math.pow(growth, 1 / years) - 1;
    }
}
