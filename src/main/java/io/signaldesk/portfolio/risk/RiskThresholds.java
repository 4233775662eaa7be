package io.signaldesk.portfolio.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/** A user's limits, in percent of equity (80 = 80 %), one per rule; a rule they never set has its default. */
record RiskThresholds(Map<RiskRule, BigDecimal> percents) {

    RiskThresholds {
        EnumMap<RiskRule, BigDecimal> all = new EnumMap<>(RiskRule.class);
        for (RiskRule rule : RiskRule.values()) {
            all.put(rule, percents.getOrDefault(rule, rule.defaultPercent));
        }
        percents = Map.copyOf(all);
    }

    static RiskThresholds defaults() {
        return new RiskThresholds(Map.of());
    }

    BigDecimal percent(RiskRule rule) {
        return percents.get(rule);
    }

    /** The limit as a share of equity (0.80). */
    BigDecimal share(RiskRule rule) {
        return percents.get(rule).divide(BigDecimal.valueOf(100), 6, RoundingMode.UNNECESSARY);
    }
}
