package io.signaldesk.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.market.PairListing;
import io.signaldesk.market.Symbol;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExchangeLevelsTest {

    private static final Symbol PAIR = new Symbol("BTC", "USDT");
    private static final Optional<PairListing> TICK_0_1 = Optional.of(new PairListing(PAIR, new BigDecimal("0.1")));
    private static final BigDecimal MIN_RR = new BigDecimal("1.5");

    @Test
    void aBuysStopGoesDownToTheTickAndItsTargetsToTheNearestTick() {
        Proposal proposal = buy("95061.4", "94800.37", "95453.06", "95844.72", "1.5");

        Proposal fitted = ExchangeLevels.fit(proposal, TICK_0_1, MIN_RR);

        assertThat(fitted.action()).isEqualTo(Action.BUY);
        assertThat(fitted.entry()).isEqualByComparingTo("95061.4");
        assertThat(fitted.stopLoss()).as("away from entry, never tighter").isEqualByComparingTo("94800.3");
        // nearest tick 95453.1 gives 391.7 / 261.1 = 1.5001: the minimum still holds
        assertThat(fitted.takeProfits()).containsExactly(new BigDecimal("95453.1"), new BigDecimal("95844.7"));
        assertThat(fitted.riskReward()).isEqualByComparingTo("1.500");
        assertThat(fitted.reasoning()).isEqualTo(proposal.reasoning());
    }

    @Test
    void aSellsStopGoesUpToTheTick() {
        Proposal proposal = new Proposal(Action.SELL, 0.6, new BigDecimal("100.00"), new BigDecimal("102.03"),
                List.of(new BigDecimal("96.94")), new BigDecimal("1.5"), "down", "technical", "1");

        Proposal fitted = ExchangeLevels.fit(proposal, TICK_0_1, MIN_RR);

        assertThat(fitted.stopLoss()).isEqualByComparingTo("102.1");
        // the nearest tick 96.9 keeps 3.1 / 2.1 = 1.476 < 1.5: the target moves out to 96.8 (3.2 / 2.1 = 1.523)
        assertThat(fitted.takeProfits()).containsExactly(new BigDecimal("96.8"));
        assertThat(fitted.riskReward()).isEqualByComparingTo("1.523");
    }

    @Test
    void levelsStayAtLeastATickOnTheirSideOfTheEntry() {
        Proposal proposal = buy("100.04", "100.01", "100.06", "100.07", "1");

        Proposal fitted = ExchangeLevels.fit(proposal, TICK_0_1, BigDecimal.ONE);

        assertThat(fitted.entry()).isEqualByComparingTo("100.0");
        assertThat(fitted.stopLoss()).isEqualByComparingTo("99.9");
        assertThat(fitted.takeProfits()).containsExactly(new BigDecimal("100.1"), new BigDecimal("100.2"));
        assertThat(fitted.problem()).isEmpty();
    }

    @Test
    void aLevelAtOrBelowZeroIsAHoldWithTheReason() {
        Proposal negativeStop = buy("0.05", "-0.02", "0.16", "0.27", "1.5");
        Proposal zeroTarget = new Proposal(Action.SELL, 0.6, new BigDecimal("0.05"), new BigDecimal("0.08"),
                List.of(new BigDecimal("0")), new BigDecimal("1.6"), "down", "technical", "1");

        Proposal held = ExchangeLevels.fit(negativeStop, Optional.empty(), MIN_RR);

        assertThat(held.action()).isEqualTo(Action.HOLD);
        assertThat(held.reasoning()).isEqualTo("Proposal rejected (stop-loss -0.02 is at or below zero, a price no exchange accepts).");
        assertThat(ExchangeLevels.fit(zeroTarget, TICK_0_1, MIN_RR).reasoning())
                .isEqualTo("Proposal rejected (take-profit 0 is at or below zero, a price no exchange accepts).");
    }

    @Test
    void aStopThatRoundsDownToZeroIsAHold() {
        Proposal proposal = buy("0.0009", "0.00004", "0.0022", "0.0035", "1.5");

        Proposal held = ExchangeLevels.fit(proposal, Optional.of(new PairListing(PAIR, new BigDecimal("0.0001"))), MIN_RR);

        assertThat(held.action()).isEqualTo(Action.HOLD);
        assertThat(held.reasoning()).isEqualTo("Proposal rejected (stop-loss 0 is at or below zero, a price no exchange accepts "
                + "once rounded to the tick size 0.0001).");
    }

    @Test
    void withoutATickSizeOnlyTheZeroRuleAppliesAndAHoldPassesUnchanged() {
        Proposal proposal = buy("95061.43", "94800.37", "95453.06", "95844.72", "1.5");
        Proposal hold = Proposal.hold("No fresh data", "technical", "1");

        assertThat(ExchangeLevels.fit(proposal, Optional.empty(), MIN_RR)).isSameAs(proposal);
        assertThat(ExchangeLevels.fit(proposal, Optional.of(new PairListing(PAIR, null)), MIN_RR)).isSameAs(proposal);
        assertThat(ExchangeLevels.fit(hold, TICK_0_1, MIN_RR)).isSameAs(hold);
    }

    private static Proposal buy(String entry, String stop, String target1, String target2, String riskReward) {
        return new Proposal(Action.BUY, 0.7, new BigDecimal(entry), new BigDecimal(stop),
                List.of(new BigDecimal(target1), new BigDecimal(target2)), new BigDecimal(riskReward), "up", "technical", "1");
    }
}
