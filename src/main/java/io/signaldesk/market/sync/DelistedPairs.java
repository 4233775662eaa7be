package io.signaldesk.market.sync;

import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.PairDelisted;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.symbols.SymbolDirectory;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the pairs an exchange stopped listing. A sync the exchange refused ({@code Rejected}: unknown symbol, or a
 * bad request of another kind) makes its pair a suspect; after the cycle, the listing of each suspect's exchange is
 * asked again, once per exchange, and a pair it no longer has is announced ({@link PairDelisted}, in a transaction of its
 * own so the pause and the notices are stored together). A listing that cannot be had proves nothing: the suspects
 * wait for the next refusal.
 */
@Component
class DelistedPairs implements RefusedSeries {

    private static final Logger log = LoggerFactory.getLogger(DelistedPairs.class);

    private final SymbolDirectory directory;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DelistedPairs(SymbolDirectory directory, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.directory = directory;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Checks the refused series' pairs against their exchanges' listings, asked again now. */
    @Override
    public void afterCycle(Map<SeriesKey, String> refused) {
        confirm(refused);
    }

    /** Returns the pairs found delisted. */
    Set<Symbol> confirm(Map<SeriesKey, String> now) {
        Map<ExchangeId, Optional<Set<Symbol>>> listings = new HashMap<>();
        Map<ExchangeId, Map<Symbol, String>> delisted = new HashMap<>();
        now.forEach((key, reason) -> {
            Optional<Set<Symbol>> listed = listings.computeIfAbsent(key.exchange(), directory::reloaded);
            if (listed.isPresent() && !listed.get().contains(key.symbol())) {
                delisted.computeIfAbsent(key.exchange(), exchange -> new HashMap<>()).putIfAbsent(key.symbol(), reason);
            }
        });
        Set<Symbol> found = new java.util.HashSet<>();
        delisted.forEach((exchange, pairs) -> pairs.forEach((symbol, reason) -> {
            log.warn("{} no longer lists {} ({}): pausing its subscriptions", exchange.displayName(), symbol, reason);
            try {
                transactions.executeWithoutResult(status -> events.publishEvent(new PairDelisted(exchange, symbol, reason, clock.instant())));
                found.add(symbol);
            } catch (RuntimeException e) {
                log.error("Could not pause the subscriptions on delisted {} {}; tried again after the next refusal", exchange.id(), symbol, e);
            }
        }));
        return found;
    }
}
