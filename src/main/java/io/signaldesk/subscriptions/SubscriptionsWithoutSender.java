package io.signaldesk.subscriptions;

import io.signaldesk.chat.ChatSender;
import io.signaldesk.chat.Platform;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Active subscriptions whose messages go to a platform this deployment has no sender for (Telegram subscriptions
 * while {@code TELEGRAM_BOT_TOKEN} is unset, local-page ones with the local page off): they still run, and their
 * messages wait in the outbox until they age out (the outbox's maximum age per kind). Named once in the start-up
 * log, with what to set, and shown by /status, so they do not die silently.
 */
@Component
public class SubscriptionsWithoutSender {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionsWithoutSender.class);

    private final JdbcTemplate jdbc;
    private final ObjectProvider<ChatSender> senders;

    /** The senders are looked up when asked (a sender's chat depends on the commands, /status among them). */
    SubscriptionsWithoutSender(JdbcTemplate jdbc, ObjectProvider<ChatSender> senders) {
        this.jdbc = jdbc;
        this.senders = senders;
    }

    /** Per platform with no sender here, how many active subscriptions deliver there; empty when every one can be sent. */
    public Map<Platform, Integer> byPlatform() {
        Set<Platform> withSender = senders.stream().map(ChatSender::platform)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Platform.class)));
        Map<Platform, Integer> counts = new EnumMap<>(Platform.class);
        jdbc.query("""
                select d.platform, count(*) from subscription s join chat_destination d on d.id = coalesce(s.deliver_to_id, s.destination_id)
                 where s.status = 'ACTIVE' group by d.platform""", row -> {
            Platform platform = Platform.valueOf(row.getString(1));
            if (!withSender.contains(platform)) {
                counts.put(platform, row.getInt(2));
            }
        });
        return counts;
    }

    /** "TELEGRAM 2 (set TELEGRAM_BOT_TOKEN), LOCAL 1 (set SIGNALDESK_LOCAL_CHAT=true)"; empty when there are none. */
    public String summary() {
        return byPlatform().entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue() + " (" + entry.getKey().howToTurnOn() + ")")
                .collect(Collectors.joining(", "));
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        String summary = summary();
        if (!summary.isEmpty()) {
            log.warn("Active subscriptions deliver to platforms with no sender in this deployment: {}. Their messages wait and are "
                    + "dropped after their maximum age (signaldesk.notifications.max-age).", summary);
        }
    }
}
