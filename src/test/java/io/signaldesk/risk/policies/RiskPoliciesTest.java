package io.signaldesk.risk.policies;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.risk.LossStreak;
import io.signaldesk.risk.RiskContext;
import io.signaldesk.risk.RiskProperties;
import io.signaldesk.risk.RiskRules;
import io.signaldesk.risk.RiskVerdict;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RiskPoliciesTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final RiskRules RULES = new RiskRules(3, 2, 5, Duration.ofMinutes(60));

    private static RiskContext context(int open, int losses, int today, Instant lastSignal) {
        return new RiskContext(open, new LossStreak(losses, losses == 0 ? null : NOW.minus(Duration.ofHours(1))), today, lastSignal, NOW);
    }

    @Nested
    class MaxOpenPositions {
        private final MaxOpenPositionsPolicy policy = new MaxOpenPositionsPolicy();

        @Test
        void passesBelowTheMaximumAndFailsAtIt() {
            assertThat(policy.check(RULES, context(2, 0, 0, null))).isEqualTo(new RiskVerdict.Passed("max-open-positions", "2 open of 3 allowed"));
            assertThat(policy.check(RULES, context(3, 0, 0, null)))
                    .isEqualTo(new RiskVerdict.Failed("max-open-positions", "Max open positions reached: 3 open of 3 allowed."));
        }
    }

    @Nested
    class ConsecutiveLosses {
        private final ConsecutiveLossesPolicy policy = new ConsecutiveLossesPolicy(new RiskProperties(Duration.ofHours(24)));

        @Test
        void passesBelowTheLimitAndFailsAtItWithinThePauseAfterTheLastLoss() {
            assertThat(policy.check(RULES, context(0, 1, 0, null)).passed()).isTrue();
            assertThat(policy.check(RULES, context(0, 2, 0, null)).detail())
                    .isEqualTo("Consecutive losses limit reached: 2 losses in a row, limit 2; new signals paused until "
                            + "2026-11-21 11:00 UTC (24 h after the last loss).");
        }

        @Test
        void aPauseUnderTwoHoursIsShownInMinutesNotAsZeroHours() {
            var halfHour = new ConsecutiveLossesPolicy(new RiskProperties(Duration.ofMinutes(30)));
            var streak = new LossStreak(2, NOW.minus(Duration.ofMinutes(10)));

            assertThat(halfHour.check(RULES, new RiskContext(0, streak, 0, null, NOW)).detail())
                    .isEqualTo("Consecutive losses limit reached: 2 losses in a row, limit 2; new signals paused until "
                            + "2026-11-20 12:20 UTC (30 min after the last loss).");
        }

        @Test
        void passesOnceThePauseAfterTheLastLossIsOver() {
            var streak = new LossStreak(5, NOW.minus(Duration.ofHours(24)));

            assertThat(policy.check(RULES, new RiskContext(0, streak, 0, null, NOW)))
                    .isEqualTo(new RiskVerdict.Passed("consecutive-losses",
                            "5 losses in a row, limit 2; the pause after the last loss ended 2026-11-20 12:00 UTC"));
        }
    }

    @Nested
    class DailyTradeLimit {
        private final DailyTradeLimitPolicy policy = new DailyTradeLimitPolicy();

        @Test
        void passesBelowTheLimitAndFailsAtIt() {
            assertThat(policy.check(RULES, context(0, 0, 4, null)).passed()).isTrue();
            assertThat(policy.check(RULES, context(0, 0, 5, null)).detail())
                    .isEqualTo("Daily trade limit reached: 5 signals today, limit 5.");
        }
    }

    @Nested
    class Cooldown {
        private final CooldownPolicy policy = new CooldownPolicy();

        @Test
        void passesWithNoEarlierSignalOrOnceTheCooldownIsOver() {
            assertThat(policy.check(RULES, context(0, 0, 0, null)).passed()).isTrue();
            assertThat(policy.check(RULES, context(0, 0, 0, NOW.minus(Duration.ofMinutes(60)))).passed()).isTrue();
        }

        @Test
        void failsWithinTheCooldown() {
            assertThat(policy.check(RULES, context(0, 0, 0, NOW.minus(Duration.ofMinutes(59)))).detail())
                    .isEqualTo("Cooldown: last signal 59 min ago, cooldown 60 min.");
        }
    }
}
