package io.signaldesk.notifications;

import io.signaldesk.chat.ChatDestination;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Times in delivered messages, for every module's {@link NotificationKind} renderer: a moment in the chat's time zone,
 * named ("2026-11-30 14:05 UTC", "2026-11-30 21:05 Asia/Ho_Chi_Minh"); ages are {@link io.signaldesk.chat.ChatTexts#age}.
 * A chat reads its times in the zone it chose with {@code /timezone} ({@link ChatZones}), UTC otherwise.
 */
@Component
public class MessageTime {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final ObjectProvider<ChatZones> zones;

    MessageTime(ObjectProvider<ChatZones> zones) {
        this.zones = zones;
    }

    /** The zone a chat reads its times in. */
    public ZoneId zone(ChatDestination destination) {
        ChatZones chosen = zones.getIfAvailable();
        return chosen == null ? ZoneOffset.UTC : chosen.chosen(destination.id()).orElse(ZoneOffset.UTC);
    }

    public String at(Instant moment, ChatDestination destination) {
        ZoneId zone = zone(destination);
        return AT.format(moment.atZone(zone)) + " " + (zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId());
    }
}
