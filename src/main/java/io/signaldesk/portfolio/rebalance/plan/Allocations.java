package io.signaldesk.portfolio.rebalance.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Values per asset as an {@link Allocation}: percents with 2 decimals (HALF_EVEN), largest value first. */
final class Allocations {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Allocations() {
    }

    static Allocation of(Map<String, BigDecimal> values) {
        BigDecimal total = values.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Share> shares = values.entrySet().stream()
                .filter(entry -> entry.getValue().signum() > 0)
                .map(entry -> new Share(entry.getKey(), entry.getValue(), percent(entry.getValue(), total)))
                .sorted(Comparator.comparing(Share::valueUsdt).reversed().thenComparing(Share::asset))
                .toList();
        return new Allocation(total, shares);
    }

    static BigDecimal percent(BigDecimal value, BigDecimal total) {
        return total.signum() == 0 ? BigDecimal.ZERO.setScale(2)
                : value.multiply(HUNDRED).divide(total, 2, RoundingMode.HALF_EVEN);
    }

    /** The unrounded percent, for the drift. */
    static BigDecimal exactPercent(BigDecimal value, BigDecimal total) {
        return total.signum() == 0 ? BigDecimal.ZERO
                : value.multiply(HUNDRED).divide(total, RebalancePlanner.SCALE, RoundingMode.HALF_EVEN);
    }
}
