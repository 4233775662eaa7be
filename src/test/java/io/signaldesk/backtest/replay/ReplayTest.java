package io.signaldesk.backtest.replay;

import static io.signaldesk.backtest.replay.ReplayCandles.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.analysis.Action;
import io.signaldesk.analysis.Analyst;
import io.signaldesk.analysis.MarketSnapshot;
import io.signaldesk.analysis.Proposal;
import io.signaldesk.analysis.SeriesAnalyst;
import io.signaldesk.backtest.CostModel;
import io.signaldesk.backtest.Trade;
import io.signaldesk.market.Candle;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.risk.RiskGate;
import io.signaldesk.risk.RiskRules;
import io.signaldesk.risk.TestRiskGates;
import io.signaldesk.signals.outcome.BacktestJudge;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReplayTest {

    private static final ExchangeId SIM = ExchangeId.SIM;
    private static final Symbol PAIR = Symbol.parse("BTC/USDT");
    private static final Timeframe M30 = Timeframe.M30;
    private static final BigDecimal MIN_RR = new BigDecimal("1.5");
    private static final RiskGate RISK = TestRiskGates.live(Duration.ofHours(24));
    private static final BacktestJudge JUDGE = new BacktestJudge(Duration.ofHours(2));
    private static final RiskRules LOOSE = new RiskRules(5, 100, 1000, Duration.ZERO);

    /** An analyst whose answer depends on every candle it sees, and that records the newest close it was shown. */
    static final class Peeking implements Analyst {
        final List<String> lateCandles = new ArrayList<>();
        Instant decidingAt;

        @Override
        public String name() {
            return "peeking";
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public Proposal analyze(MarketSnapshot snapshot) {
            double sum = 0;
            for (Map.Entry<Timeframe, List<Candle>> entry : snapshot.candles().entrySet()) {
                for (Candle candle : entry.getValue()) {
                    if (decidingAt != null && entry.getKey().closeOf(candle.openTime()).isAfter(decidingAt)) {
                        lateCandles.add(entry.getKey() + " " + candle.openTime());
                    }
                    sum += candle.close().doubleValue() * (candle.openTime().getEpochSecond() % 7 + 1);
                }
            }
            BigDecimal entry = snapshot.candles().firstEntry().getValue().getLast().close();
            Action side = (long) sum % 3 == 0 ? Action.HOLD : (long) sum % 3 == 1 ? Action.BUY : Action.SELL;
            if (side == Action.HOLD) {
                return Proposal.hold("sum " + sum, name(), version());
            }
            int s = side == Action.BUY ? 1 : -1;
            BigDecimal risk = entry.multiply(new BigDecimal("0.01"));
            return new Proposal(side, 0.6, entry, entry.subtract(risk.multiply(BigDecimal.valueOf(s))),
                    List.of(entry.add(risk.multiply(BigDecimal.valueOf(2L * s)))), new BigDecimal("2"), "sum " + sum, name(), version());
        }
    }

    @Test
    void aDecisionAtACloseIsTheSameWhenEveryLaterCandleIsRemoved() {
        ReplayHistory full = history(ReplayCandles.wave(M30, 900), ReplayCandles.wave(Timeframe.H1, 450),
                ReplayCandles.wave(Timeframe.H4, 120));
        var analyst = new Peeking();
        DecisionSource everything = DecisionSource.snapshots(analyst, SIM, PAIR, full, MIN_RR);
        int compared = 0;
        for (int i = 150; i < 900; i += 37) {
            Instant close = M30.closeOf(full.baseCandles().get(i).openTime());
            analyst.decidingAt = close;
            Proposal seen = everything.at(close);
            Proposal cut = DecisionSource.snapshots(analyst, SIM, PAIR, cutAfter(full, close), MIN_RR).at(close);

            assertThat(cut).as("decision at %s", close).isEqualTo(seen);
            compared++;
        }
        assertThat(compared).isGreaterThan(15);
        assertThat(analyst.lateCandles).as("candles closing after the decision shown to the analyst").isEmpty();
    }

    @Test
    void aWholeReplayDecidesTheSameUpToACloseWhateverCameAfterIt() {
        ReplayHistory full = history(ReplayCandles.wave(M30, 700), ReplayCandles.wave(Timeframe.H4, 100));
        Instant cut = M30.closeOf(full.baseCandles().get(500).openTime());
        ReplayHistory before = cutAfter(full, cut);

        List<Trade> all = replay(full, new Peeking(), LOOSE).trades();
        List<Trade> fromCut = replay(before, new Peeking(), LOOSE).trades();

        List<Instant> decidedBefore = all.stream().map(Trade::decidedAt).filter(at -> !at.plus(JUDGE.horizon()).isAfter(cut)).toList();
        assertThat(decidedBefore).isNotEmpty();
        assertThat(fromCut.stream().map(Trade::decidedAt).toList()).startsWith(decidedBefore.toArray(Instant[]::new));
        assertThat(fromCut.subList(0, decidedBefore.size())).isEqualTo(all.subList(0, decidedBefore.size()));
    }

    @Test
    void aSeriesAnalystIsAskedOverTheWholeSeriesAndNeverOnSnapshots() {
        ReplayHistory full = history(ReplayCandles.wave(M30, 300));
        var replays = new AtomicInteger();
        var asked = new ArrayList<Instant>();
        SeriesAnalyst fast = new SeriesAnalyst() {
            @Override
            public Replay replay(ExchangeId exchange, Symbol symbol, SortedMap<Timeframe, List<Candle>> candles, BigDecimal minRiskReward) {
                replays.incrementAndGet();
                assertThat(candles).isEqualTo(full.series());
                return close -> {
                    asked.add(close);
                    return Proposal.hold("fast", "fast", "1");
                };
            }

            @Override
            public String name() {
                return "fast";
            }

            @Override
            public String version() {
                return "1";
            }

            @Override
            public Proposal analyze(MarketSnapshot snapshot) {
                throw new AssertionError("the snapshot path was used");
            }
        };

        var result = new Replay(RISK, ZoneOffset.UTC).run(full, DecisionSource.series(fast, SIM, PAIR, full, MIN_RR),
                simulator(full), START.plus(Duration.ofDays(2)), START.plus(Duration.ofDays(4)), LOOSE, MIN_RR, Optional.empty(), p -> { });

        assertThat(replays).hasValue(1);
        assertThat(asked).hasSize(96).isEqualTo(result.decisionTimes());
        assertThat(asked.getFirst()).isEqualTo(START.plus(Duration.ofDays(2)));
    }

    @Test
    void theCooldownHoldsEntriesTheOnePositionRuleWouldAllow() {
        ReplayHistory flat = history(ReplayCandles.flat(M30, 200));
        var buy = new ReplayCandles.Scripted("always", Action.BUY, snapshot -> true);

        List<Trade> free = replay(flat, buy, LOOSE).trades();
        Replay.Result cooled = replay(flat, buy, new RiskRules(5, 100, 1000, Duration.ofHours(3)));

        // every trade expires after the 2 h horizon: without a cooldown the next one is decided as it ends
        assertThat(gaps(free)).containsOnly(Duration.ofHours(2));
        assertThat(gaps(cooled.trades())).containsOnly(Duration.ofHours(3));
        assertThat(cooled.heldByRisk()).as("the close at 2 h after each trade is held by the cooldown").isGreaterThanOrEqualTo(
                cooled.trades().size() - 1);
    }

    @Test
    void theDailyLimitAndMaxOpenPositionsHoldEntries() {
        ReplayHistory flat = history(ReplayCandles.flat(M30, 48 * 4));
        var buy = new ReplayCandles.Scripted("always", Action.BUY, snapshot -> true);

        List<Trade> twoADay = replay(flat, buy, new RiskRules(5, 100, 2, Duration.ZERO)).trades();
        Replay.Result none = replay(flat, buy, new RiskRules(0, 100, 1000, Duration.ZERO));

        assertThat(twoADay).hasSizeGreaterThan(4);
        assertThat(twoADay.stream().collect(java.util.stream.Collectors.groupingBy(
                trade -> trade.decidedAt().atZone(ZoneOffset.UTC).toLocalDate(), java.util.stream.Collectors.counting())))
                .allSatisfy((day, count) -> assertThat(count).isLessThanOrEqualTo(2));
        assertThat(none.trades()).isEmpty();
        assertThat(none.heldByRisk()).isEqualTo(none.decisionTimes().size());
    }

    @Test
    void aLossStreakAtTheLimitPausesEntriesForThePauseAfterTheLastLoss() {
        // price falls 1 % a candle: every BUY (2 % stop) is stopped on its second candle
        List<Candle> falling = new ArrayList<>();
        double price = 100;
        for (int i = 0; i < 160; i++) {
            double close = price * 0.99;
            falling.add(new Candle(START.plus(M30.duration().multipliedBy(i)), bd(price), bd(price * 1.001), bd(close * 0.999), bd(close),
                    BigDecimal.ONE));
            price = close;
        }
        ReplayHistory history = history(falling);
        var buy = new ReplayCandles.Scripted("always", Action.BUY, snapshot -> true);

        List<Trade> trades = replay(history, buy, new RiskRules(5, 2, 1000, Duration.ZERO)).trades();

        assertThat(trades).hasSizeGreaterThanOrEqualTo(3);
        assertThat(trades).allMatch(trade -> trade.status().equals("STOP_LOSS"));
        assertThat(trades.get(1).decidedAt()).isEqualTo(trades.get(0).closedAt());
        assertThat(trades.get(2).decidedAt()).as("24 h after the second loss").isEqualTo(trades.get(1).closedAt().plus(Duration.ofHours(24)));
    }

    private static Replay.Result replay(ReplayHistory history, Analyst analyst, RiskRules rules) {
        Instant from = history.base().closeOf(history.baseCandles().get(10).openTime());
        return new Replay(RISK, ZoneOffset.UTC).run(history, DecisionSource.snapshots(analyst, SIM, PAIR, history, MIN_RR),
                simulator(history), from, history.end().plusSeconds(1), rules, MIN_RR, Optional.empty(), percent -> { });
    }

    private static TradeSimulator simulator(ReplayHistory history) {
        return new TradeSimulator(history, JUDGE, CostModel.DEFAULT, new BigDecimal("0.01"));
    }

    private static List<Duration> gaps(List<Trade> trades) {
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < trades.size(); i++) {
            gaps.add(Duration.between(trades.get(i - 1).decidedAt(), trades.get(i).decidedAt()));
        }
        assertThat(gaps).isNotEmpty();
        return gaps;
    }

    @SafeVarargs
    static ReplayHistory history(List<Candle>... series) {
        var map = new TreeMap<Timeframe, List<Candle>>();
        Timeframe[] order = {M30, Timeframe.H1, Timeframe.H4};
        if (series.length == 2) {
            order = new Timeframe[] {M30, Timeframe.H4};
        }
        for (int i = 0; i < series.length; i++) {
            map.put(order[i], series[i]);
        }
        return new ReplayHistory(map);
    }

    private static ReplayHistory cutAfter(ReplayHistory history, Instant close) {
        var map = new TreeMap<Timeframe, List<Candle>>();
        history.series().forEach((timeframe, candles) -> map.put(timeframe,
                candles.stream().filter(candle -> !timeframe.closeOf(candle.openTime()).isAfter(close)).toList()));
        return new ReplayHistory(map);
    }

    private static BigDecimal bd(double value) {
        return BigDecimal.valueOf(value).round(new MathContext(10));
    }
}
