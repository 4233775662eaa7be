package io.signaldesk.analysis;

import io.signaldesk.market.PairListing;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts a finished BUY or SELL proposal on prices the exchange accepts, the last step before it is stored:
 * <ul>
 *   <li>a proposal with any level (entry, stop-loss, a take-profit) at or below zero, before or after
 *       rounding, becomes a HOLD saying which level (a very volatile pair can get a negative stop);</li>
 *   <li>with the pair's tick size from the exchange's listing: the entry and the take-profits go to the
 *       nearest tick, the stop-loss to the tick <b>away from</b> the entry (never tighter than proposed);
 *       every level stays on its side of the entry, at least a tick from it, and the take-profits stay in
 *       order (nearest first);</li>
 *   <li>the reward-to-risk is recomputed on the rounded levels; when rounding took it under the bot's
 *       minimum, the first take-profit moves out by the ticks needed to meet it again (so the minimum,
 *       checked before, still holds).</li>
 * </ul>
 * Without a tick size (listing not loaded, or silent) only the zero rule applies. A HOLD passes unchanged.
 */
final class ExchangeLevels {

    private static final MathContext SHOWN = new MathContext(4, RoundingMode.DOWN);

    private ExchangeLevels() {
    }

    static Proposal fit(Proposal proposal, Optional<PairListing> listing, BigDecimal minRiskReward) {
        if (!proposal.action().actionable()) {
            return proposal;
        }
        Optional<String> unpriceable = atOrBelowZero(proposal);
        if (unpriceable.isPresent() || listing.isEmpty() || listing.get().tickSize() == null) {
            return unpriceable.map(problem -> proposal.heldBecause("Proposal rejected (" + problem + ").")).orElse(proposal);
        }
        BigDecimal tick = listing.get().tickSize();
        int side = proposal.action() == Action.BUY ? 1 : -1;
        BigDecimal step = tick.multiply(BigDecimal.valueOf(side));
        BigDecimal entry = toTick(proposal.entry(), tick, RoundingMode.HALF_UP);
        BigDecimal stop = toTick(proposal.stopLoss(), tick, side > 0 ? RoundingMode.FLOOR : RoundingMode.CEILING);
        if (stop.compareTo(entry) * side >= 0) {
            stop = entry.subtract(step);
        }
        BigDecimal risk = entry.subtract(stop).abs();
        List<BigDecimal> targets = new ArrayList<>();
        BigDecimal previous = entry;
        for (BigDecimal target : proposal.takeProfits()) {
            BigDecimal rounded = toTick(target, tick, RoundingMode.HALF_UP);
            if (targets.isEmpty() && minRiskReward != null && reward(entry, rounded).divide(risk, MathContext.DECIMAL64).compareTo(minRiskReward) < 0
                    && proposal.riskReward() != null && proposal.riskReward().compareTo(minRiskReward) >= 0) {
                rounded = entry.add(toTick(risk.multiply(minRiskReward), tick, RoundingMode.CEILING).multiply(BigDecimal.valueOf(side)));
            }
            if (rounded.compareTo(previous) * side <= 0) {
                rounded = previous.add(step);
            }
            targets.add(rounded);
            previous = rounded;
        }
        var rounded = new Proposal(proposal.action(), proposal.confidence(), entry, stop, targets,
                reward(entry, targets.getFirst()).divide(risk, SHOWN), proposal.reasoning(), proposal.analyst(), proposal.analystVersion());
        return atOrBelowZero(rounded)
                .map(problem -> proposal.heldBecause("Proposal rejected (" + problem + " once rounded to the tick size "
                        + tick.toPlainString() + ")."))
                .orElse(rounded);
    }

    private static Optional<String> atOrBelowZero(Proposal proposal) {
        if (proposal.entry().signum() <= 0) {
            return Optional.of(belowZero("entry", proposal.entry()));
        }
        if (proposal.stopLoss().signum() <= 0) {
            return Optional.of(belowZero("stop-loss", proposal.stopLoss()));
        }
        return proposal.takeProfits().stream().filter(target -> target.signum() <= 0).findFirst()
                .map(target -> belowZero("take-profit", target));
    }

    private static String belowZero(String level, BigDecimal price) {
        return level + " " + price.stripTrailingZeros().toPlainString() + " is at or below zero, a price no exchange accepts";
    }

    private static BigDecimal reward(BigDecimal entry, BigDecimal target) {
        return target.subtract(entry).abs();
    }

    /** A whole number of ticks, rounded as asked, written with the tick's decimals. */
    static BigDecimal toTick(BigDecimal price, BigDecimal tick, RoundingMode mode) {
        return price.divide(tick, 0, mode).multiply(tick).setScale(Math.max(tick.scale(), 0), RoundingMode.UNNECESSARY);
    }
}
