package io.signaldesk.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.market.PairListing;
import io.signaldesk.market.Symbol;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The checks live analyses and replays share. */
class ProposalChecksTest {

    private static final Optional<PairListing> TICK = Optional.of(new PairListing(Symbol.parse("BTC/USDT"), new BigDecimal("0.1")));
    private static final BigDecimal MIN = new BigDecimal("1.5");

    @Test
    void aFirstTargetUnderTheBotsMinimumRewardToRiskIsHeld() {
        Proposal checked = ProposalChecks.checkedAndFitted(buy("100", "98", "102.4", "1.2"), TICK, MIN);

        assertThat(checked.action()).isEqualTo(Action.HOLD);
        assertThat(checked.reasoning()).isEqualTo("Proposal rejected (reward-to-risk 1.2 is under the bot's minimum 1.5).");
    }

    @Test
    void aGoodProposalIsPutOnTheTickAndLevelsOnTheWrongSideAreHeld() {
        Proposal fitted = ProposalChecks.checkedAndFitted(buy("100.04", "98.03", "103.07", "1.5"), TICK, MIN);
        Proposal wrong = ProposalChecks.checkedAndFitted(buy("100", "101", "103", "1.5"), TICK, MIN);

        assertThat(fitted.action()).isEqualTo(Action.BUY);
        assertThat(fitted.entry()).isEqualByComparingTo("100.0");
        assertThat(fitted.stopLoss()).isEqualByComparingTo("98.0");
        assertThat(wrong.action()).isEqualTo(Action.HOLD);
        assertThat(wrong.reasoning()).contains("stop-loss 101 is not below entry 100");
    }

    private static Proposal buy(String entry, String stop, String target, String riskReward) {
        return new Proposal(Action.BUY, 0.7, new BigDecimal(entry), new BigDecimal(stop), List.of(new BigDecimal(target)),
                new BigDecimal(riskReward), "Test.", "t", "1");
    }
}
