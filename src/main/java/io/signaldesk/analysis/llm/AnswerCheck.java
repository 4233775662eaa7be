package io.signaldesk.analysis.llm;

import io.signaldesk.analysis.Action;
import io.signaldesk.analysis.Proposal;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;

/**
 * The checks in code that every model answer passes before it may become a signal: a known signal, a
 * confidence in 0..1, a short reasoning, levels on the right side of entry, an entry near the last
 * close, and a first take-profit at or above the bot's minimum reward-to-risk. The reward-to-risk is
 * computed from the levels (rounded down, so 1.4999 is not 1.5); the model's own figure is not trusted.
 *
 * @param maxEntryDistance   a fraction of the last close (0.02 is 2 %)
 */
record AnswerCheck(BigDecimal maxEntryDistance, int maxReasoningLength) {

    static final int MAX_TAKE_PROFITS = 3;
    private static final MathContext EXACT = MathContext.DECIMAL64;
    private static final MathContext SHOWN = new MathContext(4, RoundingMode.DOWN);

    sealed interface Verdict {
    }

    record Valid(Proposal proposal) implements Verdict {
    }

    record Invalid(String reason) implements Verdict {
    }

    Verdict check(ModelAnswer answer, BigDecimal lastClose, BigDecimal minRiskReward, String analyst, String version) {
        Action action;
        try {
            action = Action.valueOf(answer.signal());
        } catch (IllegalArgumentException e) {
            return new Invalid("signal '" + answer.signal() + "' is not BUY, SELL or HOLD");
        }
        if (Double.isNaN(answer.confidence()) || answer.confidence() < 0 || answer.confidence() > 1) {
            return new Invalid("confidence " + answer.confidence() + " is outside 0..1");
        }
        if (answer.reasoning().isEmpty()) {
            return new Invalid("the reasoning is empty");
        }
        if (answer.reasoning().length() > maxReasoningLength) {
            return new Invalid("the reasoning has " + answer.reasoning().length() + " characters, over " + maxReasoningLength);
        }
        if (action == Action.HOLD) {
            return new Valid(Proposal.hold(answer.reasoning(), analyst, version));
        }
        if (answer.takeProfits().isEmpty() || answer.takeProfits().size() > MAX_TAKE_PROFITS) {
            return new Invalid("a " + action + " needs 1 to " + MAX_TAKE_PROFITS + " take-profits, not " + answer.takeProfits().size());
        }
        if (answer.entry().signum() <= 0 || answer.stopLoss().signum() <= 0
                || answer.takeProfits().stream().anyMatch(target -> target.signum() <= 0)) {
            return new Invalid("every level must be above 0");
        }
        int side = action == Action.BUY ? 1 : -1;
        List<BigDecimal> targets = answer.takeProfits().stream()
                .sorted(side > 0 ? Comparator.naturalOrder() : Comparator.<BigDecimal>reverseOrder()).toList();
        BigDecimal entry = answer.entry();
        BigDecimal riskReward = entry.compareTo(answer.stopLoss()) == 0 ? BigDecimal.ZERO
                : targets.getFirst().subtract(entry).divide(entry.subtract(answer.stopLoss()), EXACT);
        var proposal = new Proposal(action, answer.confidence(), entry, answer.stopLoss(), targets, riskReward.round(SHOWN),
                answer.reasoning(), analyst, version);
        if (proposal.problem().isPresent()) {
            return new Invalid(proposal.problem().get());
        }
        BigDecimal distance = entry.subtract(lastClose).abs().divide(lastClose, EXACT);
        if (distance.compareTo(maxEntryDistance) > 0) {
            return new Invalid("entry %s is %s %% from the last close %s (at most %s %%)".formatted(entry.toPlainString(),
                    distance.round(SHOWN).movePointRight(2).stripTrailingZeros().toPlainString(), lastClose.toPlainString(),
                    maxEntryDistance.movePointRight(2).stripTrailingZeros().toPlainString()));
        }
        if (riskReward.compareTo(minRiskReward) < 0) {
            return new Invalid("reward-to-risk " + riskReward.round(SHOWN).toPlainString() + " is under the bot's minimum "
                    + minRiskReward.stripTrailingZeros().toPlainString());
        }
        return new Valid(proposal);
    }
}
