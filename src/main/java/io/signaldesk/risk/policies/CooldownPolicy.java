package io.signaldesk.risk.policies;

import io.signaldesk.risk.RiskContext;
import io.signaldesk.risk.RiskRules;
import io.signaldesk.risk.RiskVerdict;
import java.time.Duration;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** No new signal within the cooldown after the subscription's last one. */
@Component
@Order(4)
public class CooldownPolicy implements RiskPolicy {

    static final String NAME = "cooldown";

    @Override
    public RiskVerdict check(RiskRules rules, RiskContext context) {
        if (context.lastSignalAt() == null) {
            return new RiskVerdict.Passed(NAME, "no earlier signal");
        }
        Duration since = Duration.between(context.lastSignalAt(), context.now());
        String detail = "last signal %d min ago, cooldown %d min".formatted(since.toMinutes(), rules.cooldown().toMinutes());
        return since.compareTo(rules.cooldown()) >= 0
                ? new RiskVerdict.Passed(NAME, detail)
                : new RiskVerdict.Failed(NAME, "Cooldown: " + detail + ".");
    }
}
