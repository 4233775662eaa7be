package io.signaldesk.reports.render;

import io.signaldesk.chat.UserLocales;
import io.signaldesk.subscriptions.ChatSubscriptions;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** The language a scheduled report is written in: that of the first user whose subscriptions deliver to the chat, English otherwise. */
@Component
public class ReportLocale {

    private final ChatSubscriptions subscriptions;
    private final UserLocales locales;

    ReportLocale(ChatSubscriptions subscriptions, UserLocales locales) {
        this.subscriptions = subscriptions;
        this.locales = locales;
    }

    public Locale of(long destinationId) {
        return subscriptions.ownersDeliveringTo(destinationId).stream().findFirst().map(locales::of).orElse(Locale.ENGLISH);
    }
}
