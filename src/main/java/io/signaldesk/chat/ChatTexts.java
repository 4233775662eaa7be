package io.signaldesk.chat;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Chat texts (the bundles named in {@code spring.messages.basename}) in the user's language, English when one is missing. */
@Component
public class ChatTexts {

    private final MessageSource messages;

    ChatTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String get(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** Whether a text exists for this key (in any language: English stands in for a missing one). */
    public boolean has(Locale locale, String key) {
        return messages.getMessage(key, null, null, locale) != null;
    }

    /** An age in whole minutes, hours and minutes (under two days), or days and hours, in the reader's language. */
    public String age(Locale locale, Duration age) {
        long minutes = Math.max(0, age.toMinutes());
        if (minutes < 60) {
            return get(locale, "age.minutes", minutes);
        }
        return minutes < 48 * 60 ? get(locale, "age.hours", minutes / 60, minutes % 60)
                : get(locale, "age.days", minutes / (24 * 60), minutes / 60 % 24);
    }
}
