package io.signaldesk.subscriptions.commands;

import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatTexts;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code /resume [number]}: the chat's subscription is resumed. One whose signals go to a destination that refuses
 * the bot (a Discord webhook chosen with /channel and since deleted) stays paused, and the reply says why and what
 * to do (set /channel again, or /channel here), instead of promising signals that could not arrive.
 */
@Component
class ResumeCommand extends StatusChangeCommand {

    private final ChatTexts texts;

    ResumeCommand(SubscriptionBook book, ChatDestinations destinations, ChatTexts texts) {
        super(book, destinations, texts);
        this.texts = texts;
    }

    @Override
    Optional<String> refusal(Locale locale, SubscriptionView view) {
        return view.lostDelivery() == null ? Optional.empty()
                : Optional.of(texts.get(locale, "resume.delivery-lost", view.number(), view.market(), view.lostDelivery()));
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
