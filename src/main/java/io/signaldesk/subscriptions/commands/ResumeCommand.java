package io.signaldesk.subscriptions.commands;

import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatTexts;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code /resume [number]}: the chat's subscription is resumed, unless {@link ResumeRefusal} says it would deliver
 * nothing (a lost webhook, a delisted pair): then it stays paused and the reply says why and what to do.
 */
@Component
class ResumeCommand extends StatusChangeCommand {

    private final ResumeRefusal refusal;

    ResumeCommand(SubscriptionBook book, ChatDestinations destinations, ChatTexts texts, ResumeRefusal refusal) {
        super(book, destinations, texts);
        this.refusal = refusal;
    }

    @Override
    Optional<String> refusal(Locale locale, SubscriptionView view) {
        return refusal.of(locale, view);
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
