package io.signaldesk.risk.policies;

import io.signaldesk.risk.RiskContext;
import io.signaldesk.risk.RiskRules;
import io.signaldesk.risk.RiskVerdict;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** After the maximum of losses in a row, no new signal until a signal of the subscription wins or expires. */
@Component
@Order(2)
public class ConsecutiveLossesPolicy implements RiskPolicy {

    static final String NAME = "consecutive-losses";

    @Override
    public RiskVerdict check(RiskRules rules, RiskContext context) {
        String detail = "%d losses in a row, limit %d".formatted(context.consecutiveLosses(), rules.maxConsecutiveLosses());
        return context.consecutiveLosses() < rules.maxConsecutiveLosses()
                ? new RiskVerdict.Passed(NAME, detail)
                : new RiskVerdict.Failed(NAME, "Consecutive losses limit reached: " + detail + ".");
    }
}
