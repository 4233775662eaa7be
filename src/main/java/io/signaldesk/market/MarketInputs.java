package io.signaldesk.market;

import io.signaldesk.market.exchange.ExchangeClients;
import io.signaldesk.market.exchange.ExchangeFailure;
import io.signaldesk.market.symbols.PairResolver;
import io.signaldesk.market.symbols.SymbolDirectory;
import io.signaldesk.market.symbols.TimeframesResolver;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.springframework.stereotype.Component;

/**
 * What users type about markets, checked against the exchanges' own metadata: an exchange id, a pair
 * in any common spelling, a list of timeframes. A bad input gets a {@link InputCheck.Rejected} that
 * says what was wrong and what would do; nothing here throws for bad input.
 */
@Component
public class MarketInputs {

    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(2);

    private final ExchangeClients clients;
    private final SymbolDirectory symbols;

    MarketInputs(ExchangeClients clients, SymbolDirectory symbols) {
        this.clients = clients;
        this.symbols = symbols;
    }

    public InputCheck<ExchangeId> exchange(String input) {
        var exchange = ExchangeId.parse(input);
        if (exchange.isPresent()) {
            return new InputCheck.Accepted<>(exchange.get());
        }
        String typed = input == null ? "" : input.strip().toLowerCase(Locale.ROOT);
        List<String> close = Arrays.stream(ExchangeId.values()).map(ExchangeId::id)
                .filter(id -> DISTANCE.apply(typed, id) >= 0)
                .toList();
        String known = String.join(", ", Arrays.stream(ExchangeId.values()).map(ExchangeId::id).toList());
        return new InputCheck.Rejected<>("'%s' is not an exchange SignalDesk knows. Exchanges: %s.".formatted(typed, known), close);
    }

    public InputCheck<Symbol> pair(ExchangeId exchange, String input) {
        try {
            return PairResolver.resolve(exchange, input, symbols.listed(exchange));
        } catch (ExchangeFailure e) {
            return new InputCheck.Rejected<>("%s's pair list cannot be loaded right now (%s); try again in a minute."
                    .formatted(exchange.displayName(), e.getMessage()), List.of());
        }
    }

    /** Whether the exchange lists the pair now; empty when its listing cannot be loaded (that proves nothing). */
    public Optional<Boolean> listed(ExchangeId exchange, Symbol pair) {
        try {
            return Optional.of(symbols.listed(exchange).contains(pair));
        } catch (ExchangeFailure e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the exchange lists the pair, its listing asked again now rather than the cached one (refreshed daily):
     * for a decision that must not rest on a stale listing. Empty when the listing cannot be had now (that proves nothing).
     */
    public Optional<Boolean> listedNow(ExchangeId exchange, Symbol pair) {
        return symbols.reloaded(exchange).map(listed -> listed.contains(pair));
    }

    public InputCheck<List<Timeframe>> timeframes(ExchangeId exchange, String input) {
        return TimeframesResolver.resolve(input, exchange.displayName(), clients.get(exchange).profile().timeframes());
    }

    /** Listed pairs of an exchange whose name starts with {@code typed} (case-insensitive, {@code /} optional), sorted. */
    public List<Symbol> pairsStartingWith(ExchangeId exchange, String typed, int limit) {
        String wanted = typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT).replace("/", "");
        try {
            return symbols.listed(exchange).stream().filter(symbol -> symbol.joined().startsWith(wanted))
                    .sorted(java.util.Comparator.comparing(Symbol::toString)).limit(limit).toList();
        } catch (ExchangeFailure unavailable) {
            return List.of();
        }
    }

    /**
     * How the exchange lists the pair (its tick size), from the same daily-refreshed listing that accepts
     * pairs; empty when it is not listed or the listing cannot be loaded now.
     */
    public Optional<PairListing> listing(ExchangeId exchange, Symbol symbol) {
        try {
            return symbols.listing(exchange, symbol);
        } catch (ExchangeFailure unavailable) {
            return Optional.empty();
        }
    }

    /** The series of a pair at a timeframe on an exchange's own market type. */
    public SeriesKey series(ExchangeId exchange, Symbol symbol, Timeframe timeframe) {
        return new SeriesKey(exchange, clients.get(exchange).marketType(), symbol, timeframe);
    }
}
