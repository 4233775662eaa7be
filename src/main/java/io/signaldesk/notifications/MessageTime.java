package io.signaldesk.notifications;

import io.signaldesk.chat.ChatDestination;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Times in delivered messages, for every module's {@link NotificationKind} renderer: a moment in the chat's time zone,
 * named ("2026-11-30 14:05 UTC"); ages are {@link io.signaldesk.chat.ChatTexts#age}. Every chat is on UTC today;
 * {@link #zone(ChatDestination)} is where a chat's own zone (a later /timezone) plugs in.
 */
@Component
public class MessageTime {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    /** The zone a chat reads its times in. */
    public ZoneId zone(ChatDestination destination) {
        return ZoneOffset.UTC;
    }

    public String at(Instant moment, ChatDestination destination) {
        ZoneId zone = zone(destination);
        return AT.format(moment.atZone(zone)) + " " + (zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId());
    }
}
