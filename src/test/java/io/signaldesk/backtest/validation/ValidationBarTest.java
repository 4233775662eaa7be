package io.signaldesk.backtest.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.backtest.Baseline;
import io.signaldesk.market.ExchangeId;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed's bar (Sharpe > 1.0, return > 0, max drawdown < 30 %) plus beating chance at 95 %, criterion by criterion. */
class ValidationBarTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-30");

    @Test
    void aRunAboveEveryBarAndBeatingChanceIsValidatedWithItsFigures() {
        MarketVerdict verdict = ValidationBar.judge(ExchangeId.BINANCE, List.of(run(1.34, 0.12, 0.18, Baseline.Edge.EDGE)));

        assertThat(verdict.kind()).isEqualTo(MarketVerdict.Kind.VALIDATED);
        assertThat(verdict.line().en()).isEqualTo("validated 2026-11-30: Sharpe 1.3, return +12 %, DD 18 %");
        assertThat(verdict.line().vi()).isEqualTo("đã kiểm định 2026-11-30: Sharpe 1.3, lợi nhuận +12 %, DD 18 %");
    }

    @Test
    void aSharpeOfOneOrLessFails() {
        MarketVerdict verdict = ValidationBar.judge(ExchangeId.BINANCE, List.of(run(1.0, 0.12, 0.18, Baseline.Edge.EDGE)));

        assertThat(verdict.kind()).isEqualTo(MarketVerdict.Kind.FAILED);
        assertThat(verdict.line().en()).isEqualTo("⚠ not validated 2026-11-30: Sharpe 1.0 is not above 1.0 (Sharpe 1.0, return +12 %, DD 18 %)");
    }

    @Test
    void anUndefinedSharpePassesNothing() {
        MarketVerdict verdict = ValidationBar.judge(ExchangeId.BINANCE, List.of(run(Double.NaN, 0.12, 0.18, Baseline.Edge.EDGE)));

        assertThat(verdict.kind()).isEqualTo(MarketVerdict.Kind.FAILED);
        assertThat(verdict.line().en()).contains("Sharpe n/a is not above 1.0");
    }

    @Test
    void aReturnOfZeroOrLessFails() {
        MarketVerdict verdict = ValidationBar.judge(ExchangeId.BINANCE, List.of(run(1.5, 0.0, 0.18, Baseline.Edge.EDGE)));

        assertThat(verdict.kind()).isEqualTo(MarketVerdict.Kind.FAILED);
        assertThat(verdict.line().en()).contains("return +0 % is not above 0").doesNotContain("Sharpe 1.5 is not");
    }

    @Test
    void aDrawdownOfThirtyPercentOrMoreFails() {
        MarketVerdict verdict = ValidationBar.judge(ExchangeId.BINANCE, List.of(run(1.5, 0.40, 0.30, Baseline.Edge.EDGE)));

        assertThat(verdict.kind()).isEqualTo(MarketVerdict.Kind.FAILED);
        assertThat(verdict.line().en()).contains("drawdown 30 % is not below 30 %");
        assertThat(verdict.line().vi()).contains("sụt giảm 30 % không dưới 30 %");
    }

    @Test
    void aBotThatDoesNotBeatTheNullBaselineAtNinetyFivePercentFailsWhateverItsFigures() {
        MarketVerdict verdict = ValidationBar.judge(ExchangeId.BINANCE, List.of(run(2.0, 0.40, 0.10, Baseline.Edge.NO_EVIDENCE, 91.5)));

        assertThat(verdict.kind()).isEqualTo(MarketVerdict.Kind.FAILED);
        assertThat(verdict.line().en())
                .isEqualTo("⚠ not validated 2026-11-30: no evidence of an edge: better than 91 % of random entries (Sharpe 2.0, return +40 %, DD 10 %)");
    }

    @Test
    void tooFewTradesToCompareWithChanceFail() {
        MarketVerdict verdict = ValidationBar.judge(ExchangeId.BINANCE, List.of(run(2.0, 0.40, 0.10, Baseline.Edge.TOO_FEW_TRADES)));

        assertThat(verdict.kind()).isEqualTo(MarketVerdict.Kind.FAILED);
        assertThat(verdict.line().en()).contains("too few trades (40) to compare with chance");
    }

    @Test
    void everyFailedCriterionIsNamed() {
        MarketVerdict verdict = ValidationBar.judge(ExchangeId.BINANCE, List.of(run(0.4, -0.03, 0.35, Baseline.Edge.WORSE_THAN_RANDOM, 2)));

        assertThat(verdict.line().en()).isEqualTo("⚠ not validated 2026-11-30: Sharpe 0.4 is not above 1.0; return -3 % is not above 0;"
                + " drawdown 35 % is not below 30 %; worse than 98 % of random entries (Sharpe 0.4, return -3 %, DD 35 %)");
    }

    @Test
    void anIncompleteRunIsNeverValidatedAndSaysWhatWasMissing() {
        NightlyRun incomplete = new NightlyRun(1, DAY, "bot", "binance", "BTC/USDT", List.of("1h"), "DONE", false,
                "binance 1h: 2026-10-01T00:00Z..2026-10-03T00:00Z (exchange failed)", null, 40, 2.0, 0.4, 0.1, 99, Baseline.Edge.EDGE);

        MarketVerdict verdict = ValidationBar.judge(ExchangeId.BINANCE, List.of(incomplete));

        assertThat(verdict.kind()).isEqualTo(MarketVerdict.Kind.INCOMPLETE);
        assertThat(verdict.line().en()).isEqualTo("⚠ not validated 2026-11-30: incomplete history"
                + " (binance 1h: 2026-10-01T00:00Z..2026-10-03T00:00Z (exchange failed))");
    }

    @Test
    void aFailedOrUnfinishedBacktestIsInconclusive() {
        NightlyRun failed = new NightlyRun(1, DAY, "bot", "binance", "BTC/USDT", List.of("1h"), "FAILED", false, null,
                "too few candles", 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null);
        NightlyRun running = new NightlyRun(2, DAY, "bot", "binance", "BTC/USDT", List.of("4h"), "RUNNING", false, null, null, 0,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, null);

        assertThat(ValidationBar.judge(ExchangeId.BINANCE, List.of(failed)).line().en()).endsWith("the backtest failed (too few candles)");
        assertThat(ValidationBar.judge(ExchangeId.BINANCE, List.of(running)).kind()).isEqualTo(MarketVerdict.Kind.INCOMPLETE);
    }

    @Test
    void anInconclusiveLineIsBoundedSummarisesManyGapsAndNeverShowsAnInternalError() {
        String gaps = String.join("; ", java.util.stream.IntStream.range(0, 37)
                .mapToObj(i -> "binance BTC/USDT 4h: 2024-01-%02dT00:00Z..2024-01-%02dT04:00Z (exchange failed)".formatted(i % 28 + 1, i % 28 + 1))
                .toList());
        NightlyRun gappy = new NightlyRun(1, DAY, "bot", "binance", "BTC/USDT", List.of("4h"), "DONE", false, gaps, null, 40,
                2.0, 0.4, 0.1, 99, Baseline.Edge.EDGE);
        NightlyRun fault = new NightlyRun(2, DAY, "bot", "binance", "BTC/USDT", List.of("4h"), "FAILED", false, null,
                ValidationBar.INTERNAL + "NullPointerException: Cannot invoke \"x.y()\" because \"z\" is null", 0, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, null);

        String line = ValidationBar.judge(ExchangeId.BINANCE, List.of(gappy)).line().en();
        assertThat(line).isEqualTo("⚠ not validated 2026-11-30: incomplete history: 37 gaps, first"
                + " binance BTC/USDT 4h: 2024-01-01T00:00Z..2024-01-01T04:00Z (exchange failed)");
        String failed = ValidationBar.judge(ExchangeId.BINANCE, List.of(fault)).line().en();
        assertThat(failed).isEqualTo("⚠ not validated 2026-11-30: the backtest failed (an internal error, logged for the operator)")
                .doesNotContain("NullPointerException");
        NightlyRun longRefusal = new NightlyRun(3, DAY, "bot", "binance", "BTC/USDT", List.of("4h"), "FAILED", false, null,
                "x".repeat(500), 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null);
        assertThat(ValidationBar.judge(ExchangeId.BINANCE, List.of(longRefusal)).line().en()).hasSizeLessThan(200);
    }

    @Test
    void onAMarketACompleteFailureOutweighsAnIncompleteRunAndAPassNeedsEveryRun() {
        NightlyRun incomplete = new NightlyRun(1, DAY, "bot", "binance", "BTC/USDT", List.of("1h"), "FAILED", false, null, "x", 0,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, null);
        NightlyRun failing = run(0.5, 0.1, 0.1, Baseline.Edge.EDGE);
        NightlyRun passing = run(1.8, 0.2, 0.1, Baseline.Edge.EDGE);
        NightlyRun weakerPass = new NightlyRun(3, DAY, "bot", "binance", "BTC/USDT", List.of("4h"), "DONE", true, null, null, 40,
                1.2, 0.1, 0.2, 99, Baseline.Edge.EDGE);

        assertThat(ValidationBar.judge(ExchangeId.BINANCE, List.of(incomplete, failing)).kind()).isEqualTo(MarketVerdict.Kind.FAILED);
        assertThat(ValidationBar.judge(ExchangeId.BINANCE, List.of(passing, incomplete)).kind()).isEqualTo(MarketVerdict.Kind.INCOMPLETE);
        MarketVerdict both = ValidationBar.judge(ExchangeId.BINANCE, List.of(passing, weakerPass));
        assertThat(both.kind()).isEqualTo(MarketVerdict.Kind.VALIDATED);
        assertThat(both.line().en()).as("the weakest run's figures").isEqualTo("validated 2026-11-30: Sharpe 1.2, return +10 %, DD 20 %");
    }

    @Test
    void theSimulatedExchangeIsNeverValidatedHoweverGoodItsFigures() {
        MarketVerdict verdict = ValidationBar.judge(ExchangeId.SIM, List.of(run(3.0, 0.5, 0.05, Baseline.Edge.EDGE)));

        assertThat(verdict.kind()).isEqualTo(MarketVerdict.Kind.SIMULATED);
        assertThat(verdict.line().en()).isEqualTo("simulated data: never validated (Sharpe 3.0, return +50 %, DD 5 %)");
    }

    private static NightlyRun run(double sharpe, double totalReturn, double maxDrawdown, Baseline.Edge edge) {
        return run(sharpe, totalReturn, maxDrawdown, edge, edge == Baseline.Edge.EDGE ? 97 : 60);
    }

    private static NightlyRun run(double sharpe, double totalReturn, double maxDrawdown, Baseline.Edge edge, double percentile) {
        return new NightlyRun(2, DAY, "bot", "binance", "BTC/USDT", List.of("1h"), "DONE", true, null, null, 40, sharpe, totalReturn,
                maxDrawdown, percentile, edge);
    }
}
