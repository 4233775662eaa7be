package io.signaldesk.subscriptions.commands;

import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatTexts;
import org.springframework.stereotype.Component;

/** {@code /resume [number]}: the chat's subscription is resumed. */
@Component
class ResumeCommand extends StatusChangeCommand {

    private final SubscriptionLimits limits;

    ResumeCommand(SubscriptionBook book, ChatDestinations destinations, ChatTexts texts, SubscriptionLimits limits) {
        super(book, destinations, texts);
        this.limits = limits;
    }

    /** A resumed subscription's series are synced again: it must fit the exchange's series budget ({@link SubscriptionLimits}). */
    @Override
    java.util.Optional<String> refusal(java.util.Locale locale, SubscriptionView view) {
        return limits.refuseResume(locale, view);
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
