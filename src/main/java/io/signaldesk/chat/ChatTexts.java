package io.signaldesk.chat;

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
}
