package io.signaldesk.subscriptions.commands;

import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatTexts;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code /resume [number]}: the chat's subscription is resumed and its series are synced at once
 * ({@link FirstAnalysis}), unless {@link ResumeRefusal} says it would deliver nothing (a lost webhook, a delisted
 * pair, a cap): then it stays paused and the reply says why and what to do.
 */
@Component
class ResumeCommand extends StatusChangeCommand {

    private final ResumeRefusal refusal;
    private final FirstAnalysis firstAnalysis;

    ResumeCommand(SubscriptionBook book, ChatDestinations destinations, ChatTexts texts, ResumeRefusal refusal,
                  FirstAnalysis firstAnalysis) {
        super(book, destinations, texts);
        this.refusal = refusal;
        this.firstAnalysis = firstAnalysis;
    }

    @Override
    Optional<String> refusal(Locale locale, SubscriptionView view) {
        return refusal.of(locale, view);
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
