package io.signaldesk.subscriptions;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Which subscriptions (live or cancelled) belong to a chat: what that chat's history and record cover. */
@Component
public class ChatSubscriptions {

    private final JdbcTemplate jdbc;

    ChatSubscriptions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Long> of(long destinationId) {
        return jdbc.queryForList("select id from subscription where destination_id = ? order by id", Long.class, destinationId);
    }
}
