package io.signaldesk.signals.run;

import io.signaldesk.market.Symbol;

/**
 * Port: whether a subscription holds an open position in a pair (pair selection skips such pairs).
 * Positions arrive with the portfolio module; until then {@link NoOpenPositions} says none are open.
 */
public interface OpenPositions {

    boolean hasOpenPosition(long subscriptionId, Symbol pair);
}
