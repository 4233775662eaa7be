package io.signaldesk.subscriptions;

import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.util.List;

/** A pair on an exchange at a timeframe set (smallest first, the base) that subscriptions use. */
public record MarketInUse(ExchangeId exchange, Symbol pair, List<Timeframe> timeframes) {

    public MarketInUse {
        timeframes = List.copyOf(timeframes);
    }
}
