package io.signaldesk.backtest.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signaldesk.analysis.Action;
import io.signaldesk.backtest.CostModel;
import io.signaldesk.backtest.Trade;
import io.signaldesk.market.Candle;
import io.signaldesk.market.Timeframe;
import io.signaldesk.risk.RiskRules;
import io.signaldesk.risk.TestRiskGates;
import io.signaldesk.signals.outcome.BacktestJudge;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The null baseline's random entries go through the bot's judge and costs: the same levels give the same trade. */
class ReplayEntrySimulatorTest {

    private static final Timeframe M30 = Timeframe.M30;

    @Test
    void aRandomEntryIsJudgedAndCostedExactlyLikeABotSignalWithTheSameLevels() {
        var series = new TreeMap<Timeframe, List<Candle>>();
        series.put(M30, ReplayCandles.wave(M30, 400));
        var history = new ReplayHistory(series);
        var simulator = new TradeSimulator(history, new BacktestJudge(Duration.ofHours(48)), CostModel.DEFAULT, new BigDecimal("0.01"));
        Instant from = M30.closeOf(history.baseCandles().get(100).openTime());
        Replay.Result replayed = new Replay(TestRiskGates.live(Duration.ofHours(24)), ZoneOffset.UTC).run(history,
                close -> io.signaldesk.analysis.Proposal.hold("never", "none", "1"), simulator, from, from.plus(Duration.ofDays(3)),
                new RiskRules(1, 3, 10, Duration.ZERO), new BigDecimal("1.5"), Optional.empty(), percent -> { });
        var entries = new ReplayEntrySimulator(history, simulator, replayed);

        assertThat(entries.decisionTimes()).hasSize(144).startsWith(from);
        int checked = 0;
        for (int n = 0; n < 100; n += 9) {
            Instant at = entries.decisionTimes().get(n);
            int index = replayed.decisionIndexes().get(n);
            BigDecimal close = history.baseCandles().get(index).close();
            Action side = n % 2 == 0 ? Action.BUY : Action.SELL;
            int s = side == Action.BUY ? 1 : -1;
            Trade random = entries.enter(at, side, 0.01, 2);
            Trade bot = simulator.trade(index, side, close, close.multiply(BigDecimal.valueOf(1 - 0.01 * s)),
                    List.of(close.multiply(BigDecimal.valueOf(1 + 0.02 * s)))).orElseThrow();

            assertThat(random.status()).isEqualTo(bot.status());
            assertThat(random.closedAt()).isEqualTo(bot.closedAt());
            assertThat(random.netR()).isCloseTo(bot.netR(), org.assertj.core.api.Assertions.within(1e-9));
            assertThat(random.fillPrice()).isCloseTo(bot.fillPrice(), org.assertj.core.api.Assertions.within(1e-9));
            checked++;
        }
        assertThat(checked).isEqualTo(12);
        assertThatThrownBy(() -> entries.enter(from.plusSeconds(60), Action.BUY, 0.01, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
