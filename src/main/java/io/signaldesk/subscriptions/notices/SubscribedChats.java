package io.signaldesk.subscriptions.notices;

import io.signaldesk.notifications.BotAudience;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link BotAudience}: the chats a bot's subscriptions deliver to (a channel or webhook set with {@code /channel},
 * else the chat the subscription was made in), for every subscription not cancelled (a paused one still hears news of
 * its bot), each chat once.
 */
@Component
class SubscribedChats implements BotAudience {

    private final JdbcTemplate jdbc;

    SubscribedChats(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Long> destinationsOf(long botTemplateId) {
        return jdbc.queryForList("""
                select distinct coalesce(deliver_to_id, destination_id) as chat from subscription
                 where bot_template_id = ? and status <> 'CANCELLED' and coalesce(deliver_to_id, destination_id) is not null
                 order by chat""", Long.class, botTemplateId);
    }
}
