package io.signaldesk.signals.run;

import io.signaldesk.market.Symbol;
import org.springframework.stereotype.Component;

/** Until positions are tracked (the portfolio module replaces this bean), no pair has an open position. */
@Component
class NoOpenPositions implements OpenPositions {

    @Override
    public boolean hasOpenPosition(long subscriptionId, Symbol pair) {
        return false;
    }
}
