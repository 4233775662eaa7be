package io.signaldesk.analysis;

import io.signaldesk.market.PairListing;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What every proposal goes through before it counts, live ({@link Analysis}) and in a backtest's replay alike: its
 * levels checked ({@link Proposal#problem}), a first target under the bot's minimum reward-to-risk turned into a HOLD,
 * then its levels put on the pair's tick size ({@link ExchangeLevels}, which keeps the minimum through rounding). A
 * rejected proposal becomes a HOLD saying why.
 */
public final class ProposalChecks {

    private ProposalChecks() {
    }

    public static Proposal checkedAndFitted(Proposal proposal, Optional<PairListing> listing, BigDecimal minRiskReward) {
        Optional<String> problem = proposal.problem().or(() -> belowMinimum(proposal, minRiskReward));
        Proposal checked = problem.map(why -> proposal.heldBecause("Proposal rejected (" + why + ").")).orElse(proposal);
        return ExchangeLevels.fit(checked, listing, minRiskReward);
    }

    private static Optional<String> belowMinimum(Proposal proposal, BigDecimal minRiskReward) {
        if (!proposal.action().actionable() || minRiskReward == null || proposal.riskReward().compareTo(minRiskReward) >= 0) {
            return Optional.empty();
        }
        return Optional.of("reward-to-risk " + proposal.riskReward().stripTrailingZeros().toPlainString() + " is under the bot's minimum "
                + minRiskReward.stripTrailingZeros().toPlainString());
    }
}
