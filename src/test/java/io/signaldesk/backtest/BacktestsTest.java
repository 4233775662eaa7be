package io.signaldesk.backtest;

import static io.signaldesk.backtest.replay.ReplayCandles.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signaldesk.IntegrationTest;
import io.signaldesk.analysis.Action;
import io.signaldesk.analysis.AnalysisKey;
import io.signaldesk.analysis.Analyst;
import io.signaldesk.analysis.MarketSnapshot;
import io.signaldesk.analysis.Proposal;
import io.signaldesk.analysis.StoredAnalyses;
import io.signaldesk.analysis.cache.AnalysisStore;
import io.signaldesk.backtest.replay.ReplayCandles;
import io.signaldesk.market.Candle;
import io.signaldesk.market.CandleHistory;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.risk.RiskGate;
import io.signaldesk.risk.RiskRules;
import io.signaldesk.subscriptions.BotTemplates;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link Backtests#run} end to end on a history held in memory ({@link FakeCandleHistory}), with the live beans for the
 * rest: bot templates, stored analyses, market inputs, risk gate, the live judge.
 */
@IntegrationTest
class BacktestsTest {

    private static final Symbol PAIR = Symbol.parse("BTC/USDT");
    private static final List<Timeframe> TIMEFRAMES = List.of(Timeframe.M30, Timeframe.H1, Timeframe.H4);
    private static final Instant FROM = START.plus(Duration.ofDays(5));
    private static final Instant TO = START.plus(Duration.ofDays(15));
    private static final RiskRules RULES = new RiskRules(3, 5, 20, Duration.ofMinutes(30));

    @Autowired
    BotTemplates bots;
    @Autowired
    StoredAnalyses stored;
    @Autowired
    MarketInputs markets;
    @Autowired
    RiskGate risk;
    @Autowired
    LiveJudge judge;
    @Autowired
    AnalysisStore store;

    /** BUY when the last base candle closed lower than the one before (buying dips), on snapshots. */
    private final ReplayCandles.Scripted dips = new ReplayCandles.Scripted("technical", Action.BUY, snapshot -> {
        List<Candle> base = snapshot.candles().firstEntry().getValue();
        return base.size() > 1 && base.getLast().close().compareTo(base.get(base.size() - 2).close()) < 0;
    });

    @Test
    void aBacktestRunsFromHistoryToReport() {
        var history = history(Map.of());
        var fetched = new ArrayList<String>();
        var replayed = new ArrayList<Integer>();
        BacktestProgress progress = new BacktestProgress() {
            @Override
            public void fetching(int page, int pages) {
                fetched.add(page + "/" + pages);
            }

            @Override
            public void replaying(int percent) {
                replayed.add(percent);
            }
        };

        BacktestReport report = backtests(history, dips).run(request("futures-signals"), progress);

        assertThat(history.filled).extracting(key -> key.timeframe()).containsExactlyElementsOf(TIMEFRAMES);
        assertThat(fetched).containsExactly("1/1", "2/2", "3/3");
        assertThat(replayed).isSorted().endsWith(100).hasSizeGreaterThan(10);
        assertThat(report.complete()).isTrue();
        assertThat(report.analyst()).isEqualTo("technical");
        assertThat(report.decisions()).isEqualTo(10 * 48);
        assertThat(report.trades()).hasSizeGreaterThan(10);
        assertThat(report.trades()).allSatisfy(trade -> {
            assertThat(trade.decidedAt()).isBetween(FROM, TO);
            assertThat(trade.side()).isEqualTo(Action.BUY);
        });
        for (int i = 1; i < report.trades().size(); i++) {
            assertThat(report.trades().get(i).decidedAt()).as("one position at a time")
                    .isAfterOrEqualTo(report.trades().get(i - 1).closedAt());
        }
        assertThat(report.metrics().trades()).isEqualTo((int) report.trades().stream().filter(Trade::filled).count());
        assertThat(report.equity().getFirst().at()).isEqualTo(FROM);
        assertThat(report.equity().getLast().at()).isEqualTo(TO);
        assertThat(report.baseline().entriesPerRun()).isEqualTo(report.metrics().trades());
        assertThat(report.baseline().seeds()).isEqualTo(20);
        assertThat(report.baseline().percentile()).isBetween(0.0, 100.0);
        assertThat(backtests(history(Map.of()), dips).run(request("futures-signals"), BacktestProgress.NONE))
                .as("the same request gives the same report").isEqualTo(report);
    }

    @Test
    void historyThatCouldNotBeHadMakesTheReportIncomplete() {
        String gap = "sim BTC/USDT 4h: 2026-03-08..2026-03-09, exchange down: timeout";
        BacktestReport report = backtests(history(Map.of(Timeframe.H4, List.of(gap))), dips)
                .run(request("futures-signals"), BacktestProgress.NONE);

        assertThat(report.complete()).isFalse();
        assertThat(report.missing()).containsExactly(gap);
    }

    @Test
    void anUnknownBotIsRefusedSayingWhichBotsThereAre() {
        var history = history(Map.of());

        assertThatThrownBy(() -> backtests(history, dips).run(request("no-such-bot"), BacktestProgress.NONE))
                .isInstanceOf(BacktestRefused.class)
                .hasMessageContaining("Unknown bot 'no-such-bot'")
                .hasMessageContaining("futures-signals");
        assertThat(history.filled).as("nothing fetched").isEmpty();
    }

    @Test
    void timeframesOutOfOrderAreRefusedSayingTheRightOrder() {
        var history = history(Map.of());
        var request = new BacktestRequest(ExchangeId.SIM, PAIR, List.of(Timeframe.H4, Timeframe.M30), FROM, TO, "futures-signals", RULES,
                CostModel.DEFAULT, 0.01, 20, 7);

        assertThatThrownBy(() -> backtests(history, dips).run(request, BacktestProgress.NONE))
                .isInstanceOf(BacktestRefused.class)
                .hasMessage("Timeframes go smallest first, each once (the first is the one decisions are made on), e.g. 30m,4h; got 4h,30m.");
        assertThat(history.filled).isEmpty();
    }

    @Test
    void theLlmAnalystIsReplayedFromItsStoredAnswersOnlyAndNeverCalled() {
        var model = new AtomicInteger();
        String version = "stub:" + UUID.randomUUID();
        Analyst llm = new Analyst() {
            @Override
            public String name() {
                return "llm";
            }

            @Override
            public String version() {
                return version;
            }

            @Override
            public Proposal analyze(MarketSnapshot snapshot) {
                model.incrementAndGet();
                throw new AssertionError("a backtest called the model");
            }

            @Override
            public boolean callsAModel() {
                return true;
            }
        };
        var history = history(Map.of());
        List<Candle> base = history.closedCandles(markets.series(ExchangeId.SIM, PAIR, Timeframe.M30), FROM, TO);
        List<Instant> answered = List.of(base.get(20).openTime(), base.get(200).openTime(), base.get(400).openTime());
        for (Instant open : answered) {
            BigDecimal close = base.stream().filter(c -> c.openTime().equals(open)).findFirst().orElseThrow().close()
                    .setScale(2, java.math.RoundingMode.HALF_UP);
            var key = new AnalysisKey(ExchangeId.SIM, PAIR, TIMEFRAMES, open, "llm", version, new BigDecimal("1.50"));
            store.findOrCompute(key, () -> new Proposal(Action.SELL, 0.8, close, close.add(new BigDecimal("2.00")),
                    List.of(close.subtract(new BigDecimal("3.00"))), new BigDecimal("1.5"), "Stored model answer.", "llm", version));
        }

        BacktestReport report = backtests(history, llm).run(request("futures-signals-ai"), BacktestProgress.NONE);

        assertThat(model).hasValue(0);
        assertThat(report.analystVersion()).isEqualTo(version);
        assertThat(report.trades()).extracting(Trade::decidedAt)
                .containsExactlyElementsOf(answered.stream().map(open -> open.plus(Duration.ofMinutes(30))).toList());
        assertThat(report.trades()).allMatch(trade -> trade.side() == Action.SELL);
        assertThat(report.notes()).contains("The llm analyst (" + version + ") is replayed from its 3 stored answers only;"
                + " no model was called; 477 decision points had none and count as HOLD.");
        assertThat(report.complete()).as("HOLDs the model never gave are a gap in the evidence, not a verdict").isFalse();
        assertThat(report.missing()).containsExactly("477 of 480 decision points have no stored LLM answer");
    }

    private Backtests backtests(CandleHistory history, Analyst analyst) {
        return new Backtests(bots, List.of(analyst), stored, markets, history, risk, judge,
                ZoneOffset.UTC);
    }

    private static FakeCandleHistory history(Map<Timeframe, List<String>> missing) {
        return new FakeCandleHistory(Map.of(Timeframe.M30, ReplayCandles.wave(Timeframe.M30, 20 * 48),
                Timeframe.H1, ReplayCandles.wave(Timeframe.H1, 20 * 24), Timeframe.H4, ReplayCandles.wave(Timeframe.H4, 20 * 6)), missing);
    }

    private static BacktestRequest request(String bot) {
        return new BacktestRequest(ExchangeId.SIM, PAIR, TIMEFRAMES, FROM, TO, bot, RULES, CostModel.DEFAULT, 0.01, 20, 7);
    }
}
