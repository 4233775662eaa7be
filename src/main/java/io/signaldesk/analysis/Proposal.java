package io.signaldesk.analysis;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * An analyst's advice for one pair. For BUY and SELL every level is set; for HOLD only the reasoning.
 *
 * @param confidence   0..1
 * @param takeProfits  nearest first
 * @param riskReward   reward to risk of the first take-profit
 * @param reasoning    why, in a sentence or two a chat message can carry
 */
public record Proposal(
        Action action,
        double confidence,
        BigDecimal entry,
        BigDecimal stopLoss,
        List<BigDecimal> takeProfits,
        BigDecimal riskReward,
        String reasoning,
        String analyst,
        String analystVersion) {

    public Proposal {
        takeProfits = takeProfits == null ? List.of() : List.copyOf(takeProfits);
    }

    public static Proposal hold(String reasoning, String analyst, String analystVersion) {
        return new Proposal(Action.HOLD, 0, null, null, List.of(), null, reasoning, analyst, analystVersion);
    }

    /** The same advice with another reasoning (a fallback saying why it stands in). */
    public Proposal withReasoning(String newReasoning) {
        return new Proposal(action, confidence, entry, stopLoss, takeProfits, riskReward, newReasoning, analyst, analystVersion);
    }

    /** The same advice turned into a HOLD for {@code reason} (a failed risk check, a rejected proposal). */
    public Proposal heldBecause(String reason) {
        return hold(reason, analyst, analystVersion);
    }

    /**
     * What is wrong with this proposal, if anything: levels on the wrong side of entry for its side, a
     * confidence outside 0..1, a missing level or reasoning. A HOLD only needs its reasoning.
     */
    public Optional<String> problem() {
        if (reasoning == null || reasoning.isBlank()) {
            return Optional.of("no reasoning");
        }
        if (!action.actionable()) {
            return Optional.empty();
        }
        if (Double.isNaN(confidence) || confidence < 0 || confidence > 1) {
            return Optional.of("confidence " + confidence + " is outside 0..1");
        }
        if (entry == null || stopLoss == null || takeProfits.isEmpty() || riskReward == null || entry.signum() <= 0) {
            return Optional.of("entry, stop-loss, take-profit and risk/reward are all needed for " + action);
        }
        int side = action == Action.BUY ? 1 : -1;
        if (entry.compareTo(stopLoss) * side <= 0) {
            return Optional.of("stop-loss " + stopLoss + " is not " + (side > 0 ? "below" : "above") + " entry " + entry + " for " + action);
        }
        for (BigDecimal target : takeProfits) {
            if (target.compareTo(entry) * side <= 0) {
                return Optional.of("take-profit " + target + " is not " + (side > 0 ? "above" : "below") + " entry " + entry + " for " + action);
            }
        }
        return Optional.empty();
    }
}
