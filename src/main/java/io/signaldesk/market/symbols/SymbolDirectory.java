package io.signaldesk.market.symbols;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.exchange.ExchangeClients;
import java.time.Duration;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Each exchange's tradable pairs, from the exchange's own metadata: loaded on first use, refreshed a
 * day after (a failed refresh keeps the list it had). A first load that fails throws the
 * {@link io.signaldesk.market.exchange.ExchangeFailure}.
 */
@Component
public class SymbolDirectory {

    private final LoadingCache<ExchangeId, Set<Symbol>> listings;
    private final ExchangeClients clients;

    SymbolDirectory(ExchangeClients clients) {
        this.clients = clients;
        this.listings = Caffeine.newBuilder()
                .refreshAfterWrite(Duration.ofDays(1))
                .build(exchange -> Set.copyOf(clients.get(exchange).symbols()));
    }

    public Set<Symbol> listed(ExchangeId exchange) {
        return listings.get(exchange);
    }

    /**
     * The exchange's listing asked again now (and kept for {@link #listed}); empty when the exchange cannot be asked
     * or answers with no pairs at all, so an outage never reads as "everything delisted".
     */
    public java.util.Optional<Set<Symbol>> reloaded(ExchangeId exchange) {
        try {
            Set<Symbol> listed = Set.copyOf(clients.get(exchange).symbols());
            if (listed.isEmpty()) {
                return java.util.Optional.empty();
            }
            listings.put(exchange, listed);
            return java.util.Optional.of(listed);
        } catch (RuntimeException unavailable) {
            return java.util.Optional.empty();
        }
    }
}
