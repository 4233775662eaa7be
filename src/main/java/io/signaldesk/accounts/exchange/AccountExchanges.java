package io.signaldesk.accounts.exchange;

import io.signaldesk.market.ExchangeId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every exchange's signed account adapter, each behind its own rate limiter, circuit breaker and retry
 * ({@link ResilientAccountExchange}). The simulated exchange has none: it uses the paper account.
 */
public final class AccountExchanges {

    private final Map<ExchangeId, AccountExchange> exchanges;

    public AccountExchanges(List<AccountExchange> adapters, AccountsProperties properties) {
        Map<ExchangeId, AccountExchange> byId = new EnumMap<>(ExchangeId.class);
        for (AccountExchange adapter : adapters) {
            if (byId.put(adapter.exchange(), new ResilientAccountExchange(adapter, properties.settings(adapter.exchange()))) != null) {
                throw new IllegalStateException("two account adapters for " + adapter.exchange());
            }
        }
        this.exchanges = Collections.unmodifiableMap(byId);
    }

    /** The resilient adapter of {@code exchange}; empty for {@code sim} and an exchange without one. */
    public Optional<AccountExchange> find(ExchangeId exchange) {
        return Optional.ofNullable(exchanges.get(exchange));
    }

    /** The exchanges whose keys can be connected. */
    public List<ExchangeId> supported() {
        return List.copyOf(exchanges.keySet());
    }
}
