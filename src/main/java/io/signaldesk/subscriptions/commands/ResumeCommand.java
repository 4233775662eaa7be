package io.signaldesk.subscriptions.commands;

import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatTexts;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** {@code /resume [number]}: the chat's subscription is resumed; its series are synced at once ({@link FirstAnalysis}). */
@Component
class ResumeCommand extends StatusChangeCommand {

    private final FirstAnalysis firstAnalysis;

    ResumeCommand(SubscriptionBook book, ChatDestinations destinations, ChatTexts texts, FirstAnalysis firstAnalysis) {
        super(book, destinations, texts);
        this.firstAnalysis = firstAnalysis;
    }

    @Override
    String afterChange(Locale locale, SubscriptionView view) {
        return "\n" + firstAnalysis.start(locale, view);
    }

    @Override
    public String name() {
        return "resume";
    }

    @Override
    String targetStatus() {
        return "ACTIVE";
    }

    @Override
    boolean appliesTo(SubscriptionView view) {
        return view.paused();
    }
}
