package io.signaldesk.market.exchange;

import io.signaldesk.market.ExchangeId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every exchange's client, each behind its own rate limiter, circuit breaker and retry. */
public final class ExchangeClients {

    private final Map<ExchangeId, ExchangeClient> clients = new EnumMap<>(ExchangeId.class);

    public ExchangeClients(List<ExchangeClient> adapters, ExchangesProperties properties) {
        for (ExchangeClient adapter : adapters) {
            clients.put(adapter.id(), new ResilientExchangeClient(adapter, properties.settings(adapter.id())));
        }
    }

    public ExchangeClient get(ExchangeId exchange) {
        ExchangeClient client = clients.get(exchange);
        if (client == null) {
            throw new IllegalStateException("no adapter for " + exchange);
        }
        return client;
    }
}
