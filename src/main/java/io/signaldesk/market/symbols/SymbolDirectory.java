package io.signaldesk.market.symbols;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.PairListing;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.exchange.ExchangeClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Each exchange's tradable pairs with their tick sizes, from the exchange's own metadata: loaded on first use, refreshed a
 * day after (a failed refresh keeps the list it had). A first load that fails throws the
 * {@link io.signaldesk.market.exchange.ExchangeFailure}.
 */
@Component
public class SymbolDirectory {

    private final LoadingCache<ExchangeId, Map<Symbol, PairListing>> listings;
    private final ExchangeClients clients;

    SymbolDirectory(ExchangeClients clients) {
        this.clients = clients;
        this.listings = Caffeine.newBuilder()
                .refreshAfterWrite(Duration.ofDays(1))
                .build(exchange -> byPair(clients.get(exchange).listing()));
    }

    public Set<Symbol> listed(ExchangeId exchange) {
        return listings.get(exchange).keySet();
    }

    /** The pair's listing (with its tick size), empty when the exchange does not list it. */
    public Optional<PairListing> listing(ExchangeId exchange, Symbol symbol) {
        return Optional.ofNullable(listings.get(exchange).get(symbol));
    }

    /**
     * The exchange's listing asked again now (and kept for {@link #listed}); empty when the exchange cannot be asked
     * or answers with no pairs at all, so an outage never reads as "everything delisted".
     */
    public Optional<Set<Symbol>> reloaded(ExchangeId exchange) {
        try {
            Map<Symbol, PairListing> listed = byPair(clients.get(exchange).listing());
            if (listed.isEmpty()) {
                return Optional.empty();
            }
            listings.put(exchange, listed);
            return Optional.of(listed.keySet());
        } catch (RuntimeException unavailable) {
            return Optional.empty();
        }
    }

    private static Map<Symbol, PairListing> byPair(List<PairListing> listing) {
        return listing.stream().collect(Collectors.toUnmodifiableMap(PairListing::symbol, Function.identity(), (first, second) -> first));
    }
}
