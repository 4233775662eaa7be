package io.signaldesk.analysis.technical;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.analysis.Action;
import io.signaldesk.analysis.MarketSnapshot;
import io.signaldesk.analysis.Proposal;
import io.signaldesk.market.Candle;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.market.exchange.sim.SimulatedExchange;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Golden tests on fixed candles: the simulated exchange's BTC/USDT (seed 42) at fixed instants, 200
 * closed candles of 30m, 1h and 4h. The pinned proposals change only when the analyst does, and then
 * its version must change too (it is part of the analysis key).
 */
class TechnicalAnalystTest {

    private static final Symbol BTC = new Symbol("BTC", "USDT");
    private static final BigDecimal MIN_RISK_REWARD = new BigDecimal("1.5");

    private final TechnicalAnalyst analyst = new TechnicalAnalyst();

    @Test
    void aBuyWhenAllThreeTimeframesAgree() {
        Proposal proposal = analyst.analyze(snapshot("2026-11-20T22:01:35Z", 200));

        assertThat(proposal).isEqualTo(new Proposal(Action.BUY, 0.9, new BigDecimal("129067.05"),
                new BigDecimal("127474.32"), List.of(new BigDecimal("131456.15"), new BigDecimal("133845.24")),
                MIN_RISK_REWARD, "4h trend up (close 126586.83, EMA50 124988.93); 1h momentum up (MACD hist +95.86, RSI 54); "
                + "30m trigger up.", "technical", "1"));
        assertThat(proposal.problem()).isEmpty();
    }

    @Test
    void aSellWhenTrendAndTriggerAgreeAndMomentumDoesNotObject() {
        Proposal proposal = analyst.analyze(snapshot("2026-11-23T02:31:35Z", 200));

        assertThat(proposal.action()).isEqualTo(Action.SELL);
        assertThat(proposal.confidence()).isEqualTo(0.75);
        assertThat(proposal.entry()).isEqualByComparingTo("105056.25");
        assertThat(proposal.stopLoss()).isEqualByComparingTo("107718.38");
        assertThat(proposal.takeProfits()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("101063.05"), new BigDecimal("97069.849"));
        assertThat(proposal.problem()).isEmpty();
    }

    @Test
    void stopAndTargetsAreOneAndAHalfAtrAwayAtTheMinimumRewardToRisk() {
        Proposal buy = analyst.analyze(snapshot("2026-11-20T22:01:35Z", 200));
        BigDecimal risk = buy.entry().subtract(buy.stopLoss());
        BigDecimal reward = buy.takeProfits().getFirst().subtract(buy.entry());

        assertThat(reward.doubleValue() / risk.doubleValue()).isCloseTo(1.5, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void quietMarketsGiveHoldWithTheReadingAsReason() {
        Proposal hold = analyst.analyze(snapshot("2026-11-20T00:01:35Z", 200));

        assertThat(hold.action()).isEqualTo(Action.HOLD);
        assertThat(hold.reasoning()).contains("4h trend").contains("1h momentum").contains("30m trigger");
        assertThat(hold.entry()).isNull();
    }

    @Test
    void oneCandleShortOfTheWarmUpIsHoldNeverAGuessAndTheWarmUpItselfIsEnough() {
        Proposal tooFew = analyst.analyze(snapshot("2026-11-20T22:01:35Z", TimeframeReading.WARM_UP - 1));
        Proposal enough = analyst.analyze(snapshot("2026-11-20T22:01:35Z", TimeframeReading.WARM_UP));

        assertThat(tooFew.action()).isEqualTo(Action.HOLD);
        assertThat(tooFew.reasoning()).isEqualTo("Too few candles on 30m: 59 of the 60 the indicators need.");
        assertThat(enough.reasoning()).doesNotContain("Too few");
    }

    @Test
    void theSameCandlesAlwaysGiveTheSameProposal() {
        assertThat(analyst.analyze(snapshot("2026-11-21T04:01:35Z", 200)))
                .isEqualTo(analyst.analyze(snapshot("2026-11-21T04:01:35Z", 200)));
    }

    /** The last {@code count} closed candles of each timeframe at {@code now}. */
    private static MarketSnapshot snapshot(String now, int count) {
        var exchange = new SimulatedExchange(Clock.fixed(Instant.parse(now), ZoneOffset.UTC), 42);
        var candles = new TreeMap<Timeframe, List<Candle>>();
        for (Timeframe timeframe : List.of(Timeframe.M30, Timeframe.H1, Timeframe.H4)) {
            List<Candle> withForming = exchange.candles(BTC, timeframe, null, count + 1);
            candles.put(timeframe, withForming.subList(0, count));
        }
        return new MarketSnapshot(ExchangeId.SIM, BTC, candles, MIN_RISK_REWARD);
    }
}
