package io.signaldesk.backtest.metrics;

import static io.signaldesk.backtest.TradeExamples.candle;
import static io.signaldesk.backtest.TradeExamples.filled;
import static io.signaldesk.backtest.TradeExamples.notFilled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.signaldesk.backtest.EquityPoint;
import io.signaldesk.backtest.Metrics;
import io.signaldesk.backtest.Trade;
import io.signaldesk.market.Candle;
import io.signaldesk.market.Timeframe;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One backtest worked out by hand: ten daily candles of January 2024 and four filled trades plus one NOT_FILLED,
 * 10 % of equity risked per trade (large on purpose, so the figures are easy to follow).
 *
 * <pre>
 * candles (open time, open → close): Jan 1 100 → 101, Jan 2 → 102, Jan 3 → 100, Jan 4 → 98, Jan 5 → 103,
 *   Jan 6 → 105, Jan 7 → 104, Jan 8 → 106, Jan 9 → 108, Jan 10 → 110 (each open is the close before)
 *   closes: Jan 2 00:00 … Jan 11 00:00; the span is Jan 1 00:00 → Jan 11 00:00 = 10 days = 240 h
 *
 * trades                filled          closed          net R   equity ×
 *   A                   Jan 2 00:00     Jan 3 12:00     +2.0    1 + 0.1 × 2.0 = 1.20
 *   B                   Jan 4 00:00     Jan 5 06:00     −1.0    0.90
 *   C                   Jan 6 00:00     Jan 6 18:00     −0.5    0.95
 *   D                   Jan 8 00:00     Jan 9 00:00     +1.0    1.10   (booked at the Jan 9 00:00 close itself)
 *   E (NOT_FILLED)      —               Jan 10 00:00    NaN     left out everywhere
 * </pre>
 */
class BacktestMetricsGoldenTest {

    private static final double RISK = 0.10;

    private final List<Candle> candles = List.of(
            candle("2024-01-01T00:00:00Z", 100, 101), candle("2024-01-02T00:00:00Z", 101, 102),
            candle("2024-01-03T00:00:00Z", 102, 100), candle("2024-01-04T00:00:00Z", 100, 98),
            candle("2024-01-05T00:00:00Z", 98, 103), candle("2024-01-06T00:00:00Z", 103, 105),
            candle("2024-01-07T00:00:00Z", 105, 104), candle("2024-01-08T00:00:00Z", 104, 106),
            candle("2024-01-09T00:00:00Z", 106, 108), candle("2024-01-10T00:00:00Z", 108, 110));

    private final List<Trade> trades = List.of(
            filled("2024-01-02T00:00:00Z", "2024-01-03T12:00:00Z", 2.0),
            filled("2024-01-04T00:00:00Z", "2024-01-05T06:00:00Z", -1.0),
            filled("2024-01-06T00:00:00Z", "2024-01-06T18:00:00Z", -0.5),
            filled("2024-01-08T00:00:00Z", "2024-01-09T00:00:00Z", 1.0),
            notFilled("2024-01-09T00:00:00Z", "2024-01-10T00:00:00Z"));

    private final List<EquityPoint> equity = BacktestMetrics.equity(trades, Timeframe.D1, candles, RISK);

    @Test
    void equityStartsAtOneAndBooksEachFilledTradeAtTheFirstCloseAtOrAfterItClosed() {
        // A closes Jan 3 12:00 → first in the Jan 4 00:00 point; B (Jan 5 06:00) → Jan 6; C (Jan 6 18:00) → Jan 7;
        // D closes exactly at the Jan 9 00:00 close → in that point. E never filled: no step.
        //   1.0 · 1.2 = 1.2;  1.2 · 0.9 = 1.08;  1.08 · 0.95 = 1.026;  1.026 · 1.1 = 1.1286
        // buy-and-hold = close / first open (100): 1.01, 1.02, 1.00, 0.98, 1.03, 1.05, 1.04, 1.06, 1.08, 1.10
        double[][] expected = {
                {1.0, 1.0}, {1.0, 1.01}, {1.0, 1.02}, {1.2, 1.00}, {1.2, 0.98}, {1.08, 1.03}, {1.026, 1.05},
                {1.026, 1.04}, {1.1286, 1.06}, {1.1286, 1.08}, {1.1286, 1.10}};
        assertThat(equity).hasSize(11);
        assertThat(equity.getFirst().at()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(equity.getLast().at()).isEqualTo(Instant.parse("2024-01-11T00:00:00Z"));
        for (int i = 0; i < expected.length; i++) {
            assertThat(equity.get(i).at()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(86_400L * i));
            assertThat(equity.get(i).equity()).as("equity at point %d", i).isCloseTo(expected[i][0], within(1e-12));
            assertThat(equity.get(i).buyAndHold()).as("buy-and-hold at point %d", i).isCloseTo(expected[i][1], within(1e-12));
        }
    }

    @Test
    void tradeFiguresCountOnlyFilledTradesInNetR() {
        // net R of the filled trades: +2, −1, −0.5, +1 (E is left out)
        //   win rate = 2 of 4 with net R > 0 = 0.5;  average = expectancy = (2 − 1 − 0.5 + 1) / 4 = 0.375
        //   median of −1, −0.5, +1, +2 = (−0.5 + 1) / 2 = 0.25;  profit factor = (2 + 1) / (1 + 0.5) = 2
        //   in closing order +, −, −, +: longest losing streak 2
        Metrics m = BacktestMetrics.of(trades, equity);
        assertThat(m.trades()).isEqualTo(4);
        assertThat(m.winRate()).isEqualTo(0.5);
        assertThat(m.averageR()).isCloseTo(0.375, within(1e-12));
        assertThat(m.expectancy()).isCloseTo(0.375, within(1e-12));
        assertThat(m.medianR()).isCloseTo(0.25, within(1e-12));
        assertThat(m.profitFactor()).isCloseTo(2.0, within(1e-12));
        assertThat(m.longestLosingStreak()).isEqualTo(2);
    }

    @Test
    void returnsDrawdownAndExposureFromTheCurve() {
        // total return = 1.1286 − 1 = 0.1286;  buy-and-hold = 110 / 100 − 1 = 0.10
        // CAGR over 10 days, a year = 365 days: 1.1286^(365 / 10) − 1 = 1.1286^36.5 − 1 ≈ 81.739 (what annualising
        //   ten good days does)
        // drawdown: peak 1.2 first reached at the Jan 4 close, lowest after it 1.026 at the Jan 7 close:
        //   (1.2 − 1.026) / 1.2 = 0.174 / 1.2 = 0.145;  Calmar = 81.739 / 0.145 ≈ 563.72
        // exposure: A 36 h + B 30 h + C 18 h + D 24 h = 108 h of 240 h = 0.45
        Metrics m = BacktestMetrics.of(trades, equity);
        assertThat(m.totalReturn()).isCloseTo(0.1286, within(1e-12));
        assertThat(m.buyAndHoldReturn()).isCloseTo(0.10, within(1e-12));
        assertThat(m.cagr()).isCloseTo(Math.pow(1.1286, 36.5) - 1, within(1e-9)).isCloseTo(81.739, within(1e-3));
        assertThat(m.maxDrawdown()).isCloseTo(0.145, within(1e-12));
        assertThat(m.drawdownStart()).isEqualTo(LocalDate.of(2024, 1, 4));
        assertThat(m.drawdownEnd()).isEqualTo(LocalDate.of(2024, 1, 7));
        assertThat(m.calmar()).isCloseTo((Math.pow(1.1286, 36.5) - 1) / 0.145, within(1e-6)).isCloseTo(563.72, within(1e-2));
        assertThat(m.exposure()).isCloseTo(0.45, within(1e-12));
    }

    @Test
    void sharpeAndSortinoAreAnnualisedFromUtcDailyReturns() {
        // daily readings at Jan 2 … Jan 11 00:00: 1.0, 1.0, 1.2, 1.2, 1.08, 1.026, 1.026, 1.1286, 1.1286, 1.1286
        // returns (first over the start's 1.0): 0, 0, +0.2, 0, −0.1, −0.05, 0, +0.1, 0, 0   (n = 10)
        //   mean = 0.15 / 10 = 0.015
        //   Σr² = 0.04 + 0.01 + 0.0025 + 0.01 = 0.0625;  Σ(r − mean)² = 0.0625 − 10 · 0.015² = 0.06025
        //   sd (n − 1) = √(0.06025 / 9) = 0.0818196;  Sharpe = 0.015 / 0.0818196 · √365 (19.10497) = 3.50252
        //   downside deviation = √((0.1² + 0.05²) / 10) = √0.00125 = 0.0353553;  Sortino = 0.015 / 0.0353553 · √365
        //   = 8.10555
        assertThat(DailyReturns.of(equity).values())
                .containsExactly(new double[] {0, 0, 0.2, 0, -0.1, -0.05, 0, 0.1, 0, 0}, within(1e-12));
        Metrics m = BacktestMetrics.of(trades, equity);
        assertThat(m.sharpe()).isCloseTo(0.015 / Math.sqrt(0.06025 / 9) * Math.sqrt(365), within(1e-9))
                .isCloseTo(3.50252, within(1e-5));
        assertThat(m.sortino()).isCloseTo(0.015 / Math.sqrt(0.00125) * Math.sqrt(365), within(1e-9))
                .isCloseTo(8.10555, within(1e-5));
    }

    @Test
    void theDrawdownCurveIsTheFallBelowTheRunningPeakAtEachPoint() {
        // peak 1.0 until Jan 4, then 1.2: 0 × 5, (1.2 − 1.08) / 1.2 = 0.1, 0.145, 0.145, (1.2 − 1.1286) / 1.2 = 0.0595 × 3
        assertThat(Drawdown.curve(equity).stream().mapToDouble(Double::doubleValue).toArray())
                .containsExactly(new double[] {0, 0, 0, 0, 0, 0.1, 0.145, 0.145, 0.0595, 0.0595, 0.0595}, within(1e-12));
    }
}
