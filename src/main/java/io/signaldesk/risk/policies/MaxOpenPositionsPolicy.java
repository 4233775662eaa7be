package io.signaldesk.risk.policies;

import io.signaldesk.risk.RiskContext;
import io.signaldesk.risk.RiskRules;
import io.signaldesk.risk.RiskVerdict;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** No new signal while the subscription's owner already holds its maximum of open positions from its bot's signals. */
@Component
@Order(1)
public class MaxOpenPositionsPolicy implements RiskPolicy {

    static final String NAME = "max-open-positions";

    @Override
    public RiskVerdict check(RiskRules rules, RiskContext context) {
        String detail = "%d open of %d allowed".formatted(context.openPositions(), rules.maxOpenPositions());
        return context.openPositions() < rules.maxOpenPositions()
                ? new RiskVerdict.Passed(NAME, detail)
                : new RiskVerdict.Failed(NAME, "Max open positions reached: " + detail + ".");
    }
}
