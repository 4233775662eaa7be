package io.signaldesk.risk;

import io.signaldesk.risk.policies.ConsecutiveLossesPolicy;
import io.signaldesk.risk.policies.CooldownPolicy;
import io.signaldesk.risk.policies.DailyTradeLimitPolicy;
import io.signaldesk.risk.policies.MaxOpenPositionsPolicy;
import java.time.Duration;
import java.util.List;

/** The live risk gate with its four policies, in the live order, for tests outside Spring. */
public final class TestRiskGates {

    private TestRiskGates() {
    }

    public static RiskGate live(Duration lossStreakPause) {
        return new RiskGate(List.of(new MaxOpenPositionsPolicy(), new ConsecutiveLossesPolicy(new RiskProperties(lossStreakPause)),
                new DailyTradeLimitPolicy(), new CooldownPolicy()));
    }
}
