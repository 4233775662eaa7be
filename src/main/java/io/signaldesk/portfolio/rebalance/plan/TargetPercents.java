package io.signaldesk.portfolio.rebalance.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A {@link Target} as percents per asset for a wallet's current values. {@code MainsAndAlts}: BTC and ETH share 50 %
 * by their current values (25 % each when neither is held); every other asset held (USDT included) shares the other
 * 50 % by current value, or USDT takes it when no alt is held. {@code Weights}: as given.
 */
final class TargetPercents {

    static final Set<String> MAINS = Set.of("BTC", "ETH");
    private static final BigDecimal HALF = BigDecimal.valueOf(50);
    private static final BigDecimal QUARTER = BigDecimal.valueOf(25);

    private TargetPercents() {
    }

    static Map<String, BigDecimal> of(Target target, Map<String, BigDecimal> heldValues) {
        return switch (target) {
            case Target.Weights weights -> new TreeMap<>(weights.percents());
            case Target.MainsAndAlts ignored -> mainsAndAlts(heldValues);
        };
    }

    private static Map<String, BigDecimal> mainsAndAlts(Map<String, BigDecimal> heldValues) {
        Map<String, BigDecimal> mains = new TreeMap<>();
        Map<String, BigDecimal> alts = new TreeMap<>();
        heldValues.forEach((asset, value) -> (MAINS.contains(asset) ? mains : alts).put(asset, value));
        Map<String, BigDecimal> percents = new TreeMap<>();
        if (total(mains).signum() > 0) {
            split(mains, percents);
        } else {
            MAINS.forEach(main -> percents.put(main, QUARTER));
        }
        if (total(alts).signum() > 0) {
            split(alts, percents);
        } else {
            percents.put(RebalancePlanner.CASH, HALF);
        }
        return percents;
    }

    private static void split(Map<String, BigDecimal> side, Map<String, BigDecimal> percents) {
        BigDecimal total = total(side);
        side.forEach((asset, value) -> percents.put(asset,
                HALF.multiply(value).divide(total, RebalancePlanner.SCALE, RoundingMode.HALF_EVEN)));
    }

    private static BigDecimal total(Map<String, BigDecimal> values) {
        return values.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
