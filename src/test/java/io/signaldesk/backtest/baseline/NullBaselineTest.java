package io.signaldesk.backtest.baseline;

import static io.signaldesk.backtest.TradeExamples.notFilled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.signaldesk.analysis.Action;
import io.signaldesk.backtest.Baseline;
import io.signaldesk.backtest.Baseline.Edge;
import io.signaldesk.backtest.EdgeLine;
import io.signaldesk.backtest.Trade;
import io.signaldesk.backtest.TradeExamples;
import io.signaldesk.backtest.baseline.FakeEntrySimulator.Entry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NullBaselineTest {

    /** A coin the bot cannot see: a BUY wins 2 R at even hours, a SELL at odd ones; the other side loses 1 R. */
    private static final FakeEntrySimulator.Outcome COIN = (index, side) -> (index % 2 == 0) == (side == Action.BUY) ? 2.0 : -1.0;

    /** {@code count} filled bot trades at 100 with a 1 % stop and a 2 R target, each closing with {@code netR}. */
    private static List<Trade> botTrades(int count, double netR) {
        return IntStream.range(0, count).mapToObj(i -> TradeExamples.filled(Action.BUY, 100, 99, 102,
                FakeEntrySimulator.START.plus(Duration.ofHours(i)), FakeEntrySimulator.START.plus(Duration.ofHours(i + 1)), netR))
                .toList();
    }

    @Test
    void theSameSeedGivesTheSameEntriesAndBaselineAndAnotherSeedOtherEntries() {
        List<Trade> bot = botTrades(12, 0.3);
        FakeEntrySimulator first = new FakeEntrySimulator(200, COIN);
        FakeEntrySimulator again = new FakeEntrySimulator(200, COIN);
        FakeEntrySimulator other = new FakeEntrySimulator(200, COIN);
        Baseline a = NullBaseline.of(bot, first, 50, 42);
        Baseline b = NullBaseline.of(bot, again, 50, 42);
        Baseline c = NullBaseline.of(bot, other, 50, 43);
        assertThat(b).isEqualTo(a);
        assertThat(again.entries).isEqualTo(first.entries);
        assertThat(other.entries).isNotEqualTo(first.entries);
        // seed 43 starts where seed 42's second run started: runs use seed, seed + 1, …
        assertThat(other.entries.subList(0, 12 * 49)).isEqualTo(first.entries.subList(12, 12 * 50));
        assertThat(a.seeds()).isEqualTo(50);
        assertThat(a.entriesPerRun()).isEqualTo(12);
        assertThat(a.botAverageR()).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void eachRunEntersAsManyDistinctDecisionTimesAsTheBotTradedOldestFirstOnBothSides() {
        FakeEntrySimulator simulator = new FakeEntrySimulator(30, COIN);
        NullBaseline.of(botTrades(12, 0.3), simulator, 20, 7);
        assertThat(simulator.entries).hasSize(20 * 12);
        for (int run = 0; run < 20; run++) {
            List<Instant> times = simulator.entries.subList(run * 12, run * 12 + 12).stream().map(Entry::at).toList();
            assertThat(new HashSet<>(times)).as("run %d draws without replacement", run).hasSize(12);
            assertThat(times).isSorted().allMatch(simulator.decisionTimes()::contains);
        }
        assertThat(simulator.entries).extracting(Entry::side).contains(Action.BUY, Action.SELL).doesNotContain(Action.HOLD);
    }

    @Test
    void randomEntriesUseTheBotsMedianStopDistanceAndRewardToRisk() {
        // filled bot trades at 100: stops 98, 99, 97, 99, … → stop fractions 0.02, 0.01, 0.03, 0.01, …
        // targets giving reward-to-risk 1, 2, 3, …; NOT_FILLED signals (whatever their levels) are left out
        List<Trade> bot = new ArrayList<>();
        double[] stops = {98, 99, 97, 99, 98, 96, 98, 99, 98, 97, 98};
        double[] rewardRisks = {1, 2, 3, 1.5, 2, 2, 2.5, 1, 3, 2, 4};
        for (int i = 0; i < stops.length; i++) {
            double risk = 100 - stops[i];
            bot.add(TradeExamples.filled(Action.BUY, 100, stops[i], 100 + rewardRisks[i] * risk,
                    FakeEntrySimulator.START.plus(Duration.ofHours(i)), FakeEntrySimulator.START.plus(Duration.ofHours(i + 1)), 1));
        }
        bot.add(notFilled("2024-01-02T00:00:00Z", "2024-01-03T00:00:00Z"));
        // sorted stop fractions: 0.01 ×3, 0.02 ×5, 0.03 ×2, 0.04 → the 6th of 11 is 0.02
        // sorted reward-to-risk: 1, 1, 1.5, 2, 2, 2, 2, 2.5, 3, 3, 4 → the 6th is 2
        FakeEntrySimulator simulator = new FakeEntrySimulator(50, COIN);
        NullBaseline.of(bot, simulator, 3, 1);
        assertThat(simulator.entries).hasSize(3 * 11).allSatisfy(entry -> {
            assertThat(entry.stopFraction()).isEqualTo(Math.abs(100 - 98.0) / 100);
            assertThat(entry.rewardRisk()).isEqualTo(2);
        });
    }

    @Test
    void aBotThatAlwaysWinsHasAnEdge() {
        // the bot makes 2 R every time; a random run of 12 averages 2 R only if all 12 coins come up right
        Baseline baseline = NullBaseline.of(botTrades(12, 2.0), new FakeEntrySimulator(500, COIN), 100, 1);
        assertThat(baseline.percentile()).isGreaterThanOrEqualTo(95);
        assertThat(baseline.edge()).isEqualTo(Edge.EDGE);
        assertThat(baseline.randomMedianAverageR()).isBetween(-1.0, 2.0);
    }

    @Test
    void aBotThatAlwaysLosesIsWorseThanRandom() {
        Baseline baseline = NullBaseline.of(botTrades(12, -1.0), new FakeEntrySimulator(500, COIN), 100, 1);
        assertThat(baseline.percentile()).isLessThanOrEqualTo(5);
        assertThat(baseline.edge()).isEqualTo(Edge.WORSE_THAN_RANDOM);
    }

    @Test
    void percentileCountsRunsBeatenAndTiesHalf() {
        // bot 0.5 against runs 0.2, 0.5, 0.7, 0.1: beats 2, ties 1 → (2 + 0.5) / 4 = 62.5 %
        assertThat(NullBaseline.percentile(0.5, new double[] {0.2, 0.5, 0.7, 0.1})).isEqualTo(62.5);
        assertThat(NullBaseline.percentile(0.5, new double[0])).isNaN();
    }

    @Test
    void whenEveryRunDrawsEveryDecisionTimeTheBotTiesOrBeatsThemAll() {
        // 10 decision times and 10 bot trades: every run enters all 10 times. Whatever the side, an even hour makes
        // +0.5 R and an odd one −0.25 R, so every run averages (5 · 0.5 − 5 · 0.25) / 10 = 0.125 R
        FakeEntrySimulator.Outcome byHour = (index, side) -> index % 2 == 0 ? 0.5 : -0.25;
        Baseline tie = NullBaseline.of(botTrades(10, 0.125), new FakeEntrySimulator(10, byHour), 8, 3);
        // all 8 runs tied: 8 × ½ / 8 = 50 %
        assertThat(tie.percentile()).isEqualTo(50);
        assertThat(tie.randomMedianAverageR()).isEqualTo(0.125);
        assertThat(tie.edge()).isEqualTo(Edge.NO_EVIDENCE);
        assertThat(EdgeLine.in(tie, Locale.ENGLISH)).isEqualTo("no evidence of an edge: better than 50 % of random entries");
        assertThat(NullBaseline.of(botTrades(10, 0.25), new FakeEntrySimulator(10, byHour), 8, 3).percentile()).isEqualTo(100);
        assertThat(NullBaseline.of(botTrades(10, 0), new FakeEntrySimulator(10, byHour), 8, 3).percentile()).isZero();
    }

    @Test
    void randomEntriesThatNeverFilledAreLeftOutOfTheirRunsAverage() {
        // odd hours never fill, even hours make +1 R: each run's average is 1 R however many of each it drew
        FakeEntrySimulator.Outcome evenFills = (index, side) -> index % 2 == 0 ? 1.0 : null;
        Baseline baseline = NullBaseline.of(botTrades(10, 1.0), new FakeEntrySimulator(40, evenFills), 20, 5);
        assertThat(baseline.randomMedianAverageR()).isEqualTo(1);
        assertThat(baseline.percentile()).isEqualTo(50);
        // no random entry ever fills: nothing to compare with
        Baseline none = NullBaseline.of(botTrades(10, 1.0), new FakeEntrySimulator(40, (index, side) -> null), 20, 5);
        assertThat(none.percentile()).isNaN();
        assertThat(none.randomMedianAverageR()).isNaN();
        assertThat(none.edge()).isEqualTo(Edge.NO_EVIDENCE);
    }

    @Test
    void fewerThanTenFilledBotTradesAreTooFewAndNoRunIsMade() {
        List<Trade> bot = new ArrayList<>(botTrades(9, 2.0));
        bot.add(notFilled("2024-01-02T00:00:00Z", "2024-01-03T00:00:00Z"));
        FakeEntrySimulator simulator = new FakeEntrySimulator(100, COIN);
        Baseline baseline = NullBaseline.of(bot, simulator, 100, 1);
        assertThat(baseline).isEqualTo(new Baseline(0, 9, 2.0, Double.NaN, Double.NaN, Edge.TOO_FEW_TRADES));
        assertThat(simulator.entries).isEmpty();
    }

    @Test
    void theEdgeThresholdsAreInclusive() {
        assertThat(NullBaseline.edge(10, 95)).isEqualTo(Edge.EDGE);
        assertThat(NullBaseline.edge(10, 94.99)).isEqualTo(Edge.NO_EVIDENCE);
        assertThat(NullBaseline.edge(10, 5.01)).isEqualTo(Edge.NO_EVIDENCE);
        assertThat(NullBaseline.edge(10, 5)).isEqualTo(Edge.WORSE_THAN_RANDOM);
        assertThat(NullBaseline.edge(9, 100)).isEqualTo(Edge.TOO_FEW_TRADES);
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> NullBaseline.of(botTrades(12, 1), new FakeEntrySimulator(100, COIN), 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one random run");
        assertThatThrownBy(() -> NullBaseline.of(botTrades(12, 1), new FakeEntrySimulator(11, COIN), 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(12)").hasMessageContaining("only 11");
    }
}
