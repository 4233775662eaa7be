package io.signaldesk.notifications.delivery;

import io.signaldesk.chat.ChatDestination;
import io.signaldesk.chat.ChatTexts;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Times in delivered messages: a moment in the chat's time zone, named ("2026-11-30 14:05 UTC"), and an age
 * ("2 h 5 min"). Every chat is on UTC today; {@link #zone(ChatDestination)} is where a chat's own zone (a later
 * /timezone) plugs in.
 */
@Component
class MessageTime {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final ChatTexts texts;

    MessageTime(ChatTexts texts) {
        this.texts = texts;
    }

    /** The zone a chat reads its times in. */
    ZoneId zone(ChatDestination destination) {
        return ZoneOffset.UTC;
    }

    String at(Instant moment, ChatDestination destination) {
        ZoneId zone = zone(destination);
        return AT.format(moment.atZone(zone)) + " " + (zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId());
    }

    /** An age in whole minutes, hours or days, in the reader's language. */
    String age(Duration age, Locale locale) {
        long minutes = Math.max(0, age.toMinutes());
        if (minutes < 60) {
            return texts.get(locale, "age.minutes", minutes);
        }
        if (minutes < 48 * 60) {
            return texts.get(locale, "age.hours", minutes / 60, minutes % 60);
        }
        return texts.get(locale, "age.days", minutes / (24 * 60), minutes / 60 % 24);
    }
}
