package io.signaldesk.subscriptions.commands;

import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatTexts;
import org.springframework.stereotype.Component;

/** {@code /pause [number]}: the chat's subscription is paused. */
@Component
class PauseCommand extends StatusChangeCommand {

    PauseCommand(SubscriptionBook book, ChatDestinations destinations, ChatTexts texts) {
        super(book, destinations, texts);
    }

    @Override
    public String name() {
        return "pause";
    }

    @Override
    String targetStatus() {
        return "PAUSED";
    }

    @Override
    boolean appliesTo(SubscriptionView view) {
        return !view.paused();
    }
}
