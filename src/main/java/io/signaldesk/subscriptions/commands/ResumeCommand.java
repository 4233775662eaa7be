package io.signaldesk.subscriptions.commands;

import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatTexts;
import org.springframework.stereotype.Component;

/** {@code /resume [number]}: the chat's subscription is resumed. */
@Component
class ResumeCommand extends StatusChangeCommand {

    ResumeCommand(SubscriptionBook book, ChatDestinations destinations, ChatTexts texts) {
        super(book, destinations, texts);
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
