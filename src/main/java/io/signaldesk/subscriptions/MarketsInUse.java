package io.signaldesk.subscriptions;

import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The pair and timeframe sets in use (what the nightly backtests replay): every pair, primary and secondary, of the
 * active subscriptions with the subscription's timeframes, each set once. Subscriptions paused by the nightly
 * validation count as in use: their markets must be validated again, or they could never be resumed by a pass.
 */
@Component
public class MarketsInUse {

    private static final Logger log = LoggerFactory.getLogger(MarketsInUse.class);

    private final JdbcTemplate jdbc;

    MarketsInUse(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<MarketInUse> all() {
        return where("s.status = 'ACTIVE' or (s.status = 'PAUSED' and (s.paused_by = 'validation' or cardinality(s.validation_holds) > 0))");
    }

    /** The markets of a chat's live subscriptions (active or paused), in the order of their numbers. */
    public List<MarketInUse> ofChat(long destinationId) {
        return where("s.status <> 'CANCELLED' and s.destination_id = ?", destinationId);
    }

    private List<MarketInUse> where(String condition, Object... arguments) {
        Set<MarketInUse> markets = new LinkedHashSet<>();
        jdbc.query("""
                select s.exchange, p.pair, s.timeframes as list
                  from subscription s
                 cross join lateral unnest(array[s.primary_pair] || s.secondary_pairs) with ordinality as p(pair, n)
                 where (""" + condition + """
                ) order by s.chat_number, p.n""", row -> {
            String[] timeframes = (String[]) row.getArray("list").getArray();
            market(row.getString("exchange"), row.getString("pair"), timeframes).ifPresent(markets::add);
        }, arguments);
        return List.copyOf(markets);
    }

    private static Optional<MarketInUse> market(String exchange, String pair, String[] timeframes) {
        try {
            Optional<ExchangeId> exchangeId = ExchangeId.parse(exchange);
            List<Optional<Timeframe>> parsed = java.util.Arrays.stream(timeframes).map(Timeframe::parse).toList();
            if (exchangeId.isPresent() && parsed.stream().allMatch(Optional::isPresent)) {
                List<Timeframe> sorted = parsed.stream().map(Optional::get).distinct()
                        .sorted(Comparator.comparing(Timeframe::duration)).toList();
                return Optional.of(new MarketInUse(exchangeId.get(), Symbol.parse(pair), sorted));
            }
        } catch (IllegalArgumentException badPair) {
            // reported below
        }
        log.warn("A subscription names a market the nightly backtests cannot replay: {} {} {}", exchange, pair, String.join(",", timeframes));
        return Optional.empty();
    }
}
