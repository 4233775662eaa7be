package io.signaldesk.accounts.trading;

import io.signaldesk.market.ExchangeId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The exchanges SignalDesk can send live spot orders to, each behind its own {@link GuardedSpotExchange}. */
public final class SpotExchanges {

    private final Map<ExchangeId, SpotExchange> exchanges;

    public SpotExchanges(List<SpotExchange> guarded) {
        Map<ExchangeId, SpotExchange> byId = new EnumMap<>(ExchangeId.class);
        for (SpotExchange exchange : guarded) {
            if (byId.put(exchange.exchange(), exchange) != null) {
                throw new IllegalStateException("two live spot adapters for " + exchange.exchange());
            }
        }
        this.exchanges = Collections.unmodifiableMap(byId);
    }

    public Optional<SpotExchange> find(ExchangeId exchange) {
        return Optional.ofNullable(exchanges.get(exchange));
    }
}
