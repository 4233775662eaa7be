package io.signaldesk.subscriptions.commands;

import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatTexts;
import org.springframework.stereotype.Component;

/** {@code /unsubscribe [number]}: the chat's subscription is cancelled. */
@Component
class UnsubscribeCommand extends StatusChangeCommand {

    UnsubscribeCommand(SubscriptionBook book, ChatDestinations destinations, ChatTexts texts) {
        super(book, destinations, texts);
    }

    @Override
    public String name() {
        return "unsubscribe";
    }

    @Override
    String targetStatus() {
        return "CANCELLED";
    }

    @Override
    boolean appliesTo(SubscriptionView view) {
        return true; // active or paused
    }
}
