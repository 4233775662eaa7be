package io.signaldesk.risk;

import io.signaldesk.risk.policies.RiskPolicy;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Runs every risk policy, in order, and keeps every verdict (a run records them all). */
@Component
public class RiskGate {

    private final List<RiskPolicy> policies;

    RiskGate(List<RiskPolicy> policies) {
        this.policies = policies;
    }

    public List<RiskVerdict> check(RiskRules rules, RiskContext context) {
        return policies.stream().map(policy -> policy.check(rules, context)).toList();
    }

    /** The first failed verdict's reason, if any failed. */
    public static Optional<String> firstFailure(List<RiskVerdict> verdicts) {
        return verdicts.stream().filter(verdict -> !verdict.passed()).map(RiskVerdict::detail).findFirst();
    }
}
