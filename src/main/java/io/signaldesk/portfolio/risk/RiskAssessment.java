package io.signaldesk.portfolio.risk;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * The risk level of an account from its ratios and the owner's limits (a rule's ratio and limit are shares of equity):
 * <ul>
 *   <li><b>HIGH</b>: at least one ratio is above its limit (strictly, as the seed's "exposure &gt; 80 %"); those rules
 *   are {@link #breached};</li>
 *   <li><b>MEDIUM</b>: none is above its limit, but at least one has reached {@value #WARNING_PERCENT} % of it (exposure
 *   ≥ 60 % with the default 80 %; a ratio exactly at its limit is MEDIUM);</li>
 *   <li><b>LOW</b>: every ratio is below {@value #WARNING_PERCENT} % of its limit (no open position: all ratios 0).</li>
 * </ul>
 * An account told "HIGH" is told it is over only once it is {@linkplain #clearOfHigh clear}: every ratio below
 * {@value #CLEAR_PERCENT} % of its limit, so an account hovering at a limit is not alerted at every crossing.
 */
record RiskAssessment(RiskLevel level, List<RiskRule> breached) {

    static final int WARNING_PERCENT = 75;
    static final int CLEAR_PERCENT = 90;
    private static final BigDecimal CLEAR = BigDecimal.valueOf(CLEAR_PERCENT).movePointLeft(2);
    private static final BigDecimal WARNING = BigDecimal.valueOf(WARNING_PERCENT).movePointLeft(2);

    RiskAssessment {
        breached = List.copyOf(breached);
    }

    static RiskAssessment of(AccountExposure exposure, RiskThresholds limits) {
        List<RiskRule> breached = Arrays.stream(RiskRule.values())
                .filter(rule -> exposure.ratio(rule).compareTo(limits.share(rule)) > 0).toList();
        if (!breached.isEmpty()) {
            return new RiskAssessment(RiskLevel.HIGH, breached);
        }
        boolean near = Arrays.stream(RiskRule.values())
                .anyMatch(rule -> exposure.ratio(rule).compareTo(limits.share(rule).multiply(WARNING)) >= 0);
        return new RiskAssessment(near ? RiskLevel.MEDIUM : RiskLevel.LOW, List.of());
    }

    /** Whether every ratio is below {@value #CLEAR_PERCENT} % of its limit: far enough from HIGH to say it is over. */
    static boolean clearOfHigh(AccountExposure exposure, RiskThresholds limits) {
        return Arrays.stream(RiskRule.values()).allMatch(rule -> exposure.ratio(rule).compareTo(limits.share(rule).multiply(CLEAR)) < 0);
    }
}
