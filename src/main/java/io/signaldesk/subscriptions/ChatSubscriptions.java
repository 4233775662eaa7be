package io.signaldesk.subscriptions;

import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.Symbol;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which subscriptions belong to a chat (live or cancelled: what that chat's history and record cover),
 * whose subscriptions deliver to a destination, and which active subscriptions use a pair.
 */
@Component
public class ChatSubscriptions {

    private final JdbcTemplate jdbc;
    private final ActiveSubscriptionSeries activeSeries;

    ChatSubscriptions(JdbcTemplate jdbc, ActiveSubscriptionSeries activeSeries) {
        this.jdbc = jdbc;
        this.activeSeries = activeSeries;
    }

    /** The candle series the chat's active subscriptions need (every pair at every timeframe), each once. */
    public Set<SeriesKey> seriesOf(long destinationId) {
        return activeSeries.seriesWhere("s.destination_id = ?", destinationId);
    }

    public List<Long> of(long destinationId) {
        return jdbc.queryForList("select id from subscription where destination_id = ? order by id", Long.class, destinationId);
    }

    /** The users who made the live subscriptions that deliver to a destination (their chat, or a webhook they chose). */
    public List<Long> ownersDeliveringTo(long destinationId) {
        return jdbc.queryForList("select distinct user_id from subscription where (destination_id = ? or deliver_to_id = ?)"
                + " and status <> 'CANCELLED' order by user_id", Long.class, destinationId, destinationId);
    }

    /**
     * The chats that live (active or paused) subscriptions deliver to, each once: their chat, or the place they chose
     * ({@code /channel}); the chats reports go to.
     */
    public List<Long> destinationsWithLiveSubscriptions() {
        return jdbc.queryForList("""
                select distinct coalesce(deliver_to_id, destination_id) from subscription
                 where status <> 'CANCELLED' and coalesce(deliver_to_id, destination_id) is not null order by 1""", Long.class);
    }

    /** The bots a chat follows through live subscriptions delivering to it, per market (primary and secondary pairs), each once. */
    public List<FollowedMarket> followedBy(long destinationId) {
        return jdbc.query("""
                select distinct b.code, s.exchange, p.pair
                  from subscription s join bot_template b on b.id = s.bot_template_id
                  cross join lateral unnest(array_prepend(s.primary_pair, s.secondary_pairs)) as p(pair)
                 where (s.destination_id = ? or s.deliver_to_id = ?) and s.status <> 'CANCELLED'
                 order by 1, 2, 3""", (row, i) -> new FollowedMarket(row.getString(1),
                ExchangeId.parse(row.getString(2)).orElseThrow(), Symbol.parse(row.getString(3))), destinationId, destinationId);
    }

    /** The active subscriptions that use a pair on an exchange, primary or secondary, in chat and number order. */
    public List<SubscriptionOnPair> activeOn(ExchangeId exchange, Symbol pair) {
        return jdbc.query("""
                select id, user_id, destination_id, chat_number, primary_pair, secondary_pairs, primary_pair = ? as is_primary
                  from subscription
                 where status = 'ACTIVE' and exchange = ? and (primary_pair = ? or ? = any (secondary_pairs))
                 order by destination_id, chat_number""", (row, i) -> {
            String[] secondary = (String[]) row.getArray("secondary_pairs").getArray();
            String market = SubscriptionOnPair.market(exchange, row.getString("primary_pair"), List.of(secondary));
            return new SubscriptionOnPair(row.getLong("id"), row.getLong("user_id"), row.getObject("destination_id", Long.class),
                    row.getInt("chat_number"), market, row.getBoolean("is_primary"));
        }, pair.toString(), exchange.id(), pair.toString(), pair.toString());
    }
}
