package io.signaldesk.portfolio.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.positions.OpenPositionMarks;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The three rules at, below and above their limits, for longs and shorts, each rule alone (the other limits at their
 * maximum), on an equity of 10,000 USDT; and the levels.
 */
class RiskAssessmentTest {

    private static final BigDecimal EQUITY = new BigDecimal("10000");
    private static final RiskThresholds EXPOSURE_ONLY = limits("80", "100", "1000");
    private static final RiskThresholds LOSS_ONLY = limits("1000", "10", "1000");
    private static final RiskThresholds CONCENTRATION_ONLY = limits("1000", "100", "20");
    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void exposureAtItsLimitIsMediumAboveItIsHighBelowIsNotHighForLongsAndShorts() {
        for (String side : List.of("LONG", "SHORT")) {
            assertThat(judge(EXPOSURE_ONLY, position(side, "8000", "8000"))).as(side + " at").isEqualTo(level(RiskLevel.MEDIUM));
            assertThat(judge(EXPOSURE_ONLY, position(side, "8000.01", "8000.01"))).as(side + " above")
                    .isEqualTo(new RiskAssessment(RiskLevel.HIGH, List.of(RiskRule.EXPOSURE)));
            assertThat(judge(EXPOSURE_ONLY, position(side, "7999.99", "7999.99"))).as(side + " below").isEqualTo(level(RiskLevel.MEDIUM));
            assertThat(judge(EXPOSURE_ONLY, position(side, "5999.99", "5999.99"))).as(side + " below 75 %").isEqualTo(level(RiskLevel.LOW));
        }
    }

    @Test
    void exposureAddsLongsAndShortsAlike() {
        AccountExposure both = AccountExposure.of(List.of(position("LONG", "5000", "5000"), position("SHORT", "3000.01", "3000.01")), EQUITY);

        assertThat(both.exposure()).isEqualByComparingTo("0.800001");
        assertThat(RiskAssessment.of(both, EXPOSURE_ONLY).breached()).containsExactly(RiskRule.EXPOSURE);
    }

    @Test
    void unrealizedLossAtItsLimitIsMediumAboveItIsHighBelowIsNotHighForLongsAndShorts() {
        // a long loses when the mark is under the entry, a short when it is over
        assertThat(judge(LOSS_ONLY, position("LONG", "2000", "1000"))).as("long at").isEqualTo(level(RiskLevel.MEDIUM));
        assertThat(judge(LOSS_ONLY, position("LONG", "2000", "999.99"))).as("long above")
                .isEqualTo(new RiskAssessment(RiskLevel.HIGH, List.of(RiskRule.LOSS)));
        assertThat(judge(LOSS_ONLY, position("LONG", "2000", "1000.01"))).as("long below").isEqualTo(level(RiskLevel.MEDIUM));
        assertThat(judge(LOSS_ONLY, position("SHORT", "1000", "2000"))).as("short at").isEqualTo(level(RiskLevel.MEDIUM));
        assertThat(judge(LOSS_ONLY, position("SHORT", "1000", "2000.01"))).as("short above")
                .isEqualTo(new RiskAssessment(RiskLevel.HIGH, List.of(RiskRule.LOSS)));
        assertThat(judge(LOSS_ONLY, position("SHORT", "1000", "1999.99"))).as("short below").isEqualTo(level(RiskLevel.MEDIUM));
        assertThat(judge(LOSS_ONLY, position("SHORT", "1000", "1500"))).as("short at 5 %").isEqualTo(level(RiskLevel.LOW));
    }

    @Test
    void aWinnerOffsetsNoLoss() {
        AccountExposure mixed = AccountExposure.of(List.of(position("LONG", "1000", "3000"), position("SHORT", "1000", "2000.01")), EQUITY);

        assertThat(mixed.unrealizedLoss()).isEqualByComparingTo("1000.01");
        assertThat(RiskAssessment.of(mixed, LOSS_ONLY).breached()).containsExactly(RiskRule.LOSS);
    }

    @Test
    void concentrationAtItsLimitIsMediumAboveItIsHighBelowIsNotHighForLongsAndShorts() {
        for (String side : List.of("LONG", "SHORT")) {
            OpenPositionMarks.Marked small = position(side, "1500", "1500");
            assertThat(judge(CONCENTRATION_ONLY, small, position(side, "2000", "2000"))).as(side + " at").isEqualTo(level(RiskLevel.MEDIUM));
            assertThat(judge(CONCENTRATION_ONLY, small, position(side, "2000.01", "2000.01"))).as(side + " above")
                    .isEqualTo(new RiskAssessment(RiskLevel.HIGH, List.of(RiskRule.CONCENTRATION)));
            assertThat(judge(CONCENTRATION_ONLY, small, position(side, "1999.99", "1999.99"))).as(side + " below")
                    .isEqualTo(level(RiskLevel.MEDIUM));
            assertThat(judge(CONCENTRATION_ONLY, position(side, "1499.99", "1499.99"))).as(side + " below 75 %")
                    .isEqualTo(level(RiskLevel.LOW));
        }
    }

    @Test
    void theSeedDefaultsNameEveryRuleBreachedAndNoPositionIsLow() {
        RiskThresholds defaults = RiskThresholds.defaults();
        // 9,000 notional (90 % > 80 %), one position (90 % > 20 %), losing 1,100 (11 % > 10 %)
        assertThat(judge(defaults, position("LONG", "10100", "9000")))
                .isEqualTo(new RiskAssessment(RiskLevel.HIGH, List.of(RiskRule.EXPOSURE, RiskRule.LOSS, RiskRule.CONCENTRATION)));
        assertThat(RiskAssessment.of(AccountExposure.of(List.of(), EQUITY), defaults)).isEqualTo(level(RiskLevel.LOW));
        assertThat(defaults.percent(RiskRule.EXPOSURE)).isEqualByComparingTo("80");
        assertThat(defaults.percent(RiskRule.LOSS)).isEqualByComparingTo("10");
        assertThat(defaults.percent(RiskRule.CONCENTRATION)).isEqualByComparingTo("20");
    }

    @Test
    void anUnmarkedPositionCountsAtItsEntryAndMakesTheFiguresUnmarked() {
        var unmarked = new OpenPositionMarks.Marked(1, 1, 1, 1, "BTC/USDT", "LONG", new BigDecimal("5000"), BigDecimal.ONE, null, null);

        AccountExposure exposure = AccountExposure.of(List.of(unmarked, position("LONG", "100", "100")), EQUITY);

        assertThat(exposure.openNotional()).isEqualByComparingTo("5100");
        assertThat(exposure.unmarked()).isTrue();
        assertThat(exposure.pricesAt()).isEqualTo(AT);
    }

    private static RiskAssessment judge(RiskThresholds limits, OpenPositionMarks.Marked... open) {
        return RiskAssessment.of(AccountExposure.of(List.of(open), EQUITY), limits);
    }

    private static RiskAssessment level(RiskLevel level) {
        return new RiskAssessment(level, List.of());
    }

    /** One unit of base at {@code entry}, marked at {@code mark} (its notional is the mark). */
    private static OpenPositionMarks.Marked position(String side, String entry, String mark) {
        return new OpenPositionMarks.Marked(1, 1, 1, 1, "BTC/USDT", side, new BigDecimal(entry), BigDecimal.ONE, new BigDecimal(mark), AT);
    }

    private static RiskThresholds limits(String exposure, String loss, String concentration) {
        return new RiskThresholds(Map.of(RiskRule.EXPOSURE, new BigDecimal(exposure), RiskRule.LOSS, new BigDecimal(loss),
                RiskRule.CONCENTRATION, new BigDecimal(concentration)));
    }
}
