package io.signaldesk.backtest.metrics;

import static io.signaldesk.backtest.TradeExamples.candle;
import static io.signaldesk.backtest.TradeExamples.filled;
import static io.signaldesk.backtest.TradeExamples.notFilled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.signaldesk.backtest.EquityPoint;
import io.signaldesk.backtest.Metrics;
import io.signaldesk.backtest.Trade;
import io.signaldesk.market.Candle;
import io.signaldesk.market.Timeframe;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The edge cases the metrics decide, each with the figure they decide it to, risking 1 % per trade. */
class BacktestMetricsEdgeCasesTest {

    /** Three daily candles, Jan 1–3 2024; the span is Jan 1 00:00 → Jan 4 00:00; buy-and-hold 100 → 104. */
    private final List<Candle> threeDays = List.of(candle("2024-01-01T00:00:00Z", 100, 101),
            candle("2024-01-02T00:00:00Z", 101, 102), candle("2024-01-03T00:00:00Z", 102, 104));

    private Metrics metrics(List<Trade> trades) {
        return BacktestMetrics.of(trades, BacktestMetrics.equity(trades, Timeframe.D1, threeDays, 0.01));
    }

    @Test
    void withNoTradeTheRatiosOfTradesAreUndefinedAndAFlatCurveScoresZero() {
        // no trade: equity 1.0 throughout; daily returns 0, 0, 0 → Sharpe 0 and Sortino 0 (the flat-curve rule);
        // CAGR 1^x − 1 = 0; no drawdown → Calmar 0; buy-and-hold still 104 / 100 − 1 = 0.04
        for (List<Trade> trades : List.of(List.<Trade>of(), List.of(notFilled("2024-01-02T00:00:00Z", "2024-01-03T00:00:00Z")))) {
            Metrics m = metrics(trades);
            assertThat(m.trades()).isZero();
            assertThat(List.of(m.winRate(), m.averageR(), m.medianR(), m.expectancy(), m.profitFactor()))
                    .allMatch(x -> x.isNaN());
            assertThat(m.totalReturn()).isZero();
            assertThat(m.cagr()).isZero();
            assertThat(m.sharpe()).isZero();
            assertThat(m.sortino()).isZero();
            assertThat(m.calmar()).isZero();
            assertThat(m.maxDrawdown()).isZero();
            assertThat(m.drawdownStart()).isNull();
            assertThat(m.drawdownEnd()).isNull();
            assertThat(m.exposure()).isZero();
            assertThat(m.longestLosingStreak()).isZero();
            assertThat(m.buyAndHoldReturn()).isCloseTo(0.04, within(1e-12));
        }
    }

    @Test
    void oneLosingTrade() {
        // filled Jan 2 00:00, stopped Jan 2 12:00 at −1 R: equity 1 × (1 − 0.01) = 0.99 from the Jan 3 close on
        // win rate 0, average = median = −1, profit factor 0 / 1 = 0, streak 1
        // drawdown from the starting peak (Jan 1) to the Jan 3 close: 0.01
        // daily returns 0, −0.01, 0: mean −0.01 / 3; downside √(0.0001 / 3); Sortino = (−0.01 / 3) / √(0.0001 / 3) · √365
        //   = −(1 / √3) · √365 = −√(365 / 3) ≈ −11.030
        Metrics m = metrics(List.of(filled("2024-01-02T00:00:00Z", "2024-01-02T12:00:00Z", -1)));
        assertThat(m.trades()).isEqualTo(1);
        assertThat(m.winRate()).isZero();
        assertThat(m.averageR()).isEqualTo(-1);
        assertThat(m.medianR()).isEqualTo(-1);
        assertThat(m.profitFactor()).isZero();
        assertThat(m.longestLosingStreak()).isEqualTo(1);
        assertThat(m.totalReturn()).isCloseTo(-0.01, within(1e-12));
        assertThat(m.maxDrawdown()).isCloseTo(0.01, within(1e-12));
        assertThat(m.drawdownStart()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(m.drawdownEnd()).isEqualTo(LocalDate.of(2024, 1, 3));
        assertThat(m.sortino()).isCloseTo(-Math.sqrt(365.0 / 3), within(1e-9));
        assertThat(m.calmar()).isNegative();
        assertThat(m.exposure()).isCloseTo(12.0 / 72, within(1e-12));
    }

    @Test
    void withoutALossProfitFactorSortinoAndCalmarAreInfinite() {
        // two wins, +1 R and +2 R: equity 1.01 at the Jan 2 close, 1.01 · 1.02 = 1.0302 at the Jan 3 close
        // profit factor 3 / 0 = +∞; no losing day → downside deviation 0 with a positive mean → Sortino +∞;
        // never below a peak → drawdown 0 and Calmar = CAGR / 0 = +∞; Sharpe finite: returns 0.01, 0.02, 0
        //   mean 0.01, sd = √((0 + 0.0001 + 0.0001) / 2) = 0.01 → Sharpe = 1 · √365
        Metrics m = metrics(List.of(filled("2024-01-01T00:00:00Z", "2024-01-01T20:00:00Z", 1),
                filled("2024-01-02T00:00:00Z", "2024-01-02T20:00:00Z", 2)));
        assertThat(m.winRate()).isEqualTo(1);
        assertThat(m.profitFactor()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(m.sortino()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(m.maxDrawdown()).isZero();
        assertThat(m.drawdownStart()).isNull();
        assertThat(m.calmar()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(m.sharpe()).isCloseTo(Math.sqrt(365), within(1e-9));
        assertThat(m.totalReturn()).isCloseTo(0.0302, within(1e-12));
    }

    @Test
    void tradesAtExactlyZeroRLeaveEquityFlatAreNoWinAndNoLossAndEndAStreak() {
        // −1, 0, −1 in closing order (given out of order): streak 1, not 2; profit factor 0 / 2 = 0; win rate 0
        List<Trade> mixed = List.of(filled("2024-01-03T00:00:00Z", "2024-01-03T06:00:00Z", -1),
                filled("2024-01-01T00:00:00Z", "2024-01-01T06:00:00Z", -1),
                filled("2024-01-02T00:00:00Z", "2024-01-02T06:00:00Z", 0));
        assertThat(metrics(mixed).longestLosingStreak()).isEqualTo(1);
        assertThat(metrics(mixed).profitFactor()).isZero();
        // only 0 R trades: equity flat → Sharpe, Sortino and Calmar 0; profit factor 0 / 0 = NaN; exposed 2 × 6 h of 72 h
        Metrics flat = metrics(List.of(filled("2024-01-01T00:00:00Z", "2024-01-01T06:00:00Z", 0),
                filled("2024-01-02T00:00:00Z", "2024-01-02T06:00:00Z", 0)));
        assertThat(flat.winRate()).isZero();
        assertThat(flat.profitFactor()).isNaN();
        assertThat(flat.sharpe()).isZero();
        assertThat(flat.sortino()).isZero();
        assertThat(flat.calmar()).isZero();
        assertThat(flat.exposure()).isCloseTo(12.0 / 72, within(1e-12));
    }

    @Test
    void dailyReturnsCutTheCurveAtUtcMidnightsWithPartialFirstAndLastDays() {
        // 4h candles opening Jan 1 12:00 … Jan 2 04:00 (closes 16:00, 20:00, Jan 2 00:00, 04:00, 08:00)
        // +1 R closing Jan 1 17:00 → booked at the 20:00 close: 1.01; −1 R closing Jan 2 05:00 → at 08:00: 1.01 · 0.99
        // readings: Jan 2 00:00 (1.01), the last point Jan 2 08:00 (0.9999) → returns +0.01, −0.01: mean 0, Sharpe 0
        List<Candle> candles = List.of(candle("2024-01-01T12:00:00Z", 100, 100), candle("2024-01-01T16:00:00Z", 100, 100),
                candle("2024-01-01T20:00:00Z", 100, 100), candle("2024-01-02T00:00:00Z", 100, 100),
                candle("2024-01-02T04:00:00Z", 100, 100));
        List<Trade> trades = List.of(filled("2024-01-01T13:00:00Z", "2024-01-01T17:00:00Z", 1),
                filled("2024-01-02T01:00:00Z", "2024-01-02T05:00:00Z", -1));
        List<EquityPoint> equity = BacktestMetrics.equity(trades, Timeframe.H4, candles, 0.01);
        assertThat(DailyReturns.of(equity).values()).containsExactly(new double[] {0.01, -0.01}, within(1e-12));
        assertThat(BacktestMetrics.of(trades, equity).sharpe()).isCloseTo(0, within(1e-12));
        // the exposure: 4 h + 4 h of the 20 h span
        assertThat(BacktestMetrics.of(trades, equity).exposure()).isCloseTo(8.0 / 20, within(1e-12));
    }

    @Test
    void withLessThanTwoDaysOfReturnsSharpeAndSortinoAreUndefined() {
        // a single 4h candle: one (partial) day, one return; a curve with only its start: none, and no span for CAGR
        List<Trade> none = List.of();
        Metrics oneDay = BacktestMetrics.of(none, BacktestMetrics.equity(none, Timeframe.H4,
                List.of(candle("2024-01-01T00:00:00Z", 100, 101)), 0.01));
        assertThat(oneDay.sharpe()).isNaN();
        assertThat(oneDay.sortino()).isNaN();
        Metrics startOnly = BacktestMetrics.of(none, List.of(new EquityPoint(Instant.parse("2024-01-01T00:00:00Z"), 1, 1)));
        assertThat(startOnly.cagr()).isNaN();
        assertThat(startOnly.exposure()).isNaN();
        assertThat(startOnly.totalReturn()).isZero();
    }

    @Test
    void cagrCountsAYearAs365DaysAndRuinAsMinusOne() {
        // 1.21 over 730 days = two years: √1.21 − 1 = 0.1;  0.9 over 365 days: −0.1
        assertThat(BacktestMetrics.cagr(1.21, Duration.ofDays(730))).isCloseTo(0.1, within(1e-12));
        assertThat(BacktestMetrics.cagr(0.9, Duration.ofDays(365))).isCloseTo(-0.1, within(1e-12));
        assertThat(BacktestMetrics.cagr(0, Duration.ofDays(365))).isEqualTo(-1);
    }

    @Test
    void overlappingPositionsCountOnceInExposureAndTradesAfterTheLastCloseStayOutOfTheCurve() {
        // Jan 1 00:00–12:00 and Jan 1 06:00–18:00 overlap: exposed 00:00–18:00 = 18 h of 72 h
        List<Trade> overlapping = List.of(filled("2024-01-01T00:00:00Z", "2024-01-01T12:00:00Z", 1),
                filled("2024-01-01T06:00:00Z", "2024-01-01T18:00:00Z", 1));
        assertThat(metrics(overlapping).exposure()).isCloseTo(18.0 / 72, within(1e-12));
        // a trade closing after the last close (Jan 4 00:00) is counted as a trade but not booked in the curve,
        // and its exposure is clipped at the span's end: Jan 3 12:00 → Jan 4 00:00 = 12 h of 72 h
        List<Trade> late = List.of(filled("2024-01-03T12:00:00Z", "2024-01-04T06:00:00Z", 2));
        assertThat(BacktestMetrics.equity(late, Timeframe.D1, threeDays, 0.01).getLast().equity()).isEqualTo(1.0);
        assertThat(metrics(late).trades()).isEqualTo(1);
        assertThat(metrics(late).exposure()).isCloseTo(12.0 / 72, within(1e-12));
    }

    @Test
    void aGapInTheCandlesHasNoPointAndATradeClosingInItIsBookedAtTheNextClose() {
        // candles Jan 1 and Jan 3 (Jan 2 missing): points Jan 1 00:00 (start), Jan 2 00:00, Jan 4 00:00;
        // +1 R closing Jan 2 12:00 (inside the gap) → 1.01 first at the Jan 4 close; buy-and-hold 104 / 100
        List<Candle> gapped = List.of(threeDays.get(0), threeDays.get(2));
        List<EquityPoint> curve = BacktestMetrics.equity(List.of(filled("2024-01-02T00:00:00Z", "2024-01-02T12:00:00Z", 1)),
                Timeframe.D1, gapped, 0.01);
        assertThat(curve).extracting(EquityPoint::at).containsExactly(Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-01-02T00:00:00Z"), Instant.parse("2024-01-04T00:00:00Z"));
        assertThat(curve).extracting(EquityPoint::equity).containsExactly(1.0, 1.0, 1.01);
        assertThat(curve.getLast().buyAndHold()).isCloseTo(1.04, within(1e-12));
    }

    @Test
    void ofTwoEquallyDeepFallsTheEarlierIsReported() {
        // 1.0 → 0.9 (Jan 2) → 1.0 (Jan 3, not a new peak) → 0.9 (Jan 4): the peak stays Jan 1, the trough is Jan 2's
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        List<EquityPoint> curve = List.of(new EquityPoint(start, 1, 1), new EquityPoint(start.plus(Duration.ofDays(1)), 0.9, 1),
                new EquityPoint(start.plus(Duration.ofDays(2)), 1.0, 1), new EquityPoint(start.plus(Duration.ofDays(3)), 0.9, 1));
        Drawdown deepest = Drawdown.max(curve);
        assertThat(deepest.depth()).isCloseTo(0.1, within(1e-12));
        assertThat(deepest.peakAt()).isEqualTo(start);
        assertThat(deepest.troughAt()).isEqualTo(start.plus(Duration.ofDays(1)));
    }

    @Test
    void badInputIsRefusedWithWhatWouldDo() {
        List<Trade> none = List.of();
        assertThatThrownBy(() -> BacktestMetrics.equity(none, Timeframe.D1, threeDays, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("e.g. 0.01");
        assertThatThrownBy(() -> BacktestMetrics.equity(none, Timeframe.D1, threeDays.reversed(), 0.01))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("oldest first");
        List<Trade> broken = List.of(filled("2024-01-01T00:00:00Z", "2024-01-01T06:00:00Z", Double.NaN));
        assertThatThrownBy(() -> metrics(broken)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finite net R");
        assertThatThrownBy(() -> BacktestMetrics.of(none, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(BacktestMetrics.equity(none, Timeframe.D1, List.of(), 0.01)).isEmpty();
    }
}
