package io.signaldesk.risk.policies;

import io.signaldesk.risk.RiskContext;
import io.signaldesk.risk.RiskRules;
import io.signaldesk.risk.RiskVerdict;

/** One risk rule. */
public interface RiskPolicy {

    RiskVerdict check(RiskRules rules, RiskContext context);
}
