package io.signaldesk.market.sync;

import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.PairDelisted;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.symbols.SymbolDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the pairs an exchange stopped listing, carefully, because pausing a subscription that still works is worse than
 * noticing a delisting an hour late. The listings name the pairs tradable <i>now</i> (Binance TRADING, Bybit Trading,
 * OKX live, HTX contract status 1), so a pair in maintenance or a short suspension is missing too, and any 4xx on
 * candles counts as refused. So:
 * <ol>
 * <li>A sync the exchange refused ({@code Rejected}) makes its pair worth a look; after the cycle the listing of each such
 * pair's exchange is asked again, once per exchange. A listing that cannot be had, or comes back empty, proves
 * nothing. A pair the listing has is cleared.</li>
 * <li>A pair it lacks becomes a suspect ({@link DelistingSuspects}, a table, so it holds across instances and
 * restarts); it is announced ({@link PairDelisted}, in a transaction of its own so the pause and the notices are stored
 * together) only when found missing again at least {@link #CONFIRM_AFTER} after it was first found missing.</li>
 * <li>A sanity cap: when more than {@value #MAX_PAIRS_PER_CYCLE} pairs of one exchange, or (two or more and) more than
 * {@value #MAX_SHARE_PERCENT} % of that exchange's pairs in the cycle, would be announced at once, nothing is
 * announced and an error names the exchange: an API or parser change must not pause a whole exchange. They stay
 * suspects; those still missing {@link #MASS_CONFIRM_AFTER} after they were first found missing are announced even
 * over the cap (exchanges do delist in batches, and nothing may die silently).</li>
 * </ol>
 */
@Component
class DelistedPairs implements RefusedSeries {

    static final Duration CONFIRM_AFTER = Duration.ofHours(1);
    static final Duration MASS_CONFIRM_AFTER = Duration.ofHours(24);
    private static final Comparator<Symbol> BY_NAME = Comparator.comparing(Symbol::toString);
    static final int MAX_PAIRS_PER_CYCLE = 5;
    static final int MAX_SHARE_PERCENT = 20;
    private static final Logger log = LoggerFactory.getLogger(DelistedPairs.class);

    private final SymbolDirectory directory;
    private final DelistingSuspects suspects;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DelistedPairs(SymbolDirectory directory, DelistingSuspects suspects, ApplicationEventPublisher events, TransactionTemplate transactions,
                  Clock clock) {
        this.directory = directory;
        this.suspects = suspects;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void afterCycle(Map<SeriesKey, String> refused, Set<SeriesKey> synced) {
        confirm(refused, synced);
    }

    /** Returns the pairs announced delisted now. {@code synced}: every series of the cycle (for the sanity cap). */
    Set<Symbol> confirm(Map<SeriesKey, String> refused, Set<SeriesKey> synced) {
        Instant now = clock.instant();
        // one look per pair: its timeframes (and its judging series) share the listing's answer
        Map<ExchangeId, Map<Symbol, String>> refusedPairs = new TreeMap<>();
        refused.forEach((key, reason) -> refusedPairs.computeIfAbsent(key.exchange(), exchange -> new TreeMap<>(BY_NAME))
                .putIfAbsent(key.symbol(), reason));
        Map<ExchangeId, Map<Symbol, Suspect>> confirmed = new TreeMap<>();
        refusedPairs.forEach((exchange, pairs) -> {
            Optional<Set<Symbol>> listed = directory.reloaded(exchange);
            if (listed.isEmpty()) {
                return;
            }
            pairs.forEach((symbol, reason) -> {
                if (listed.get().contains(symbol)) {
                    suspects.forget(exchange, symbol);
                    return;
                }
                Instant since = suspects.missing(exchange, symbol, now);
                if (since.plus(CONFIRM_AFTER).isAfter(now)) {
                    log.info("{} does not list {} now ({}): paused only if still missing in {}", exchange.displayName(), symbol, reason,
                            CONFIRM_AFTER);
                    return;
                }
                confirmed.computeIfAbsent(exchange, any -> new TreeMap<>(BY_NAME)).put(symbol, new Suspect(reason, since));
            });
        });
        Set<Symbol> found = new HashSet<>();
        confirmed.forEach((exchange, pairs) -> {
            long inCycle = synced.stream().filter(key -> key.exchange() == exchange).map(SeriesKey::symbol).distinct().count();
            boolean tooMany = tooMany(pairs.size(), inCycle);
            if (tooMany) {
                log.error("{} would delist {} of its {} synced pair(s) at once ({}): pausing only those missing for {} or more, this looks like"
                        + " an API or listing change; check the exchange", exchange.displayName(), pairs.size(), inCycle, pairs.keySet(),
                        MASS_CONFIRM_AFTER);
            }
            pairs.forEach((symbol, suspect) -> {
                if (!tooMany || !suspect.since().plus(MASS_CONFIRM_AFTER).isAfter(now)) {
                    announce(exchange, symbol, suspect.reason(), now, found);
                }
            });
        });
        return found;
    }

    /** A pair found missing, why its sync was refused and since when it has been missing. */
    private record Suspect(String reason, Instant since) {
    }

    static boolean tooMany(int delisted, long synced) {
        return delisted > MAX_PAIRS_PER_CYCLE || (delisted >= 2 && delisted * 100L > synced * MAX_SHARE_PERCENT);
    }

    private void announce(ExchangeId exchange, Symbol symbol, String reason, Instant now, Set<Symbol> found) {
        log.warn("{} no longer lists {} ({}), confirmed over {}: pausing its subscriptions", exchange.displayName(), symbol, reason, CONFIRM_AFTER);
        try {
            transactions.executeWithoutResult(status -> {
                events.publishEvent(new PairDelisted(exchange, symbol, reason, now));
                suspects.forget(exchange, symbol);
            });
            found.add(symbol);
        } catch (RuntimeException e) {
            log.error("Could not pause the subscriptions on delisted {} {}; tried again after the next refusal", exchange.id(), symbol, e);
        }
    }
}
