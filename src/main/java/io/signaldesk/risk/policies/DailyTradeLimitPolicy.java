package io.signaldesk.risk.policies;

import io.signaldesk.risk.RiskContext;
import io.signaldesk.risk.RiskRules;
import io.signaldesk.risk.RiskVerdict;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** At most the daily limit of signals per subscription and day. */
@Component
@Order(3)
public class DailyTradeLimitPolicy implements RiskPolicy {

    static final String NAME = "daily-trade-limit";

    @Override
    public RiskVerdict check(RiskRules rules, RiskContext context) {
        String detail = "%d signals today, limit %d".formatted(context.tradesToday(), rules.dailyTradeLimit());
        return context.tradesToday() < rules.dailyTradeLimit()
                ? new RiskVerdict.Passed(NAME, detail)
                : new RiskVerdict.Failed(NAME, "Daily trade limit reached: " + detail + ".");
    }
}
