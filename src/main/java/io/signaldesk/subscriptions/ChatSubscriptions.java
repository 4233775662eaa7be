package io.signaldesk.subscriptions;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which subscriptions belong to a chat (live or cancelled: what that chat's history and record cover),
 * and whose subscriptions deliver to a destination.
 */
@Component
public class ChatSubscriptions {

    private final JdbcTemplate jdbc;

    ChatSubscriptions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Long> of(long destinationId) {
        return jdbc.queryForList("select id from subscription where destination_id = ? order by id", Long.class, destinationId);
    }

    /** The users who made the live subscriptions that deliver to a destination (their chat, or a webhook they chose). */
    public List<Long> ownersDeliveringTo(long destinationId) {
        return jdbc.queryForList("select distinct user_id from subscription where (destination_id = ? or deliver_to_id = ?)"
                + " and status <> 'CANCELLED' order by user_id", Long.class, destinationId, destinationId);
    }
}
