package io.signaldesk.subscriptions.notices;

import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.UserLocales;
import io.signaldesk.notifications.Audience;
import io.signaldesk.subscriptions.SubscriptionOnPair;
import io.signaldesk.subscriptions.SubscriptionsPausedByValidation;
import io.signaldesk.subscriptions.SubscriptionsResumedByValidation;
import java.time.Clock;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the nightly validation pauses a subscription (its bot failed on one of its pairs) or resumes it (a later pass),
 * the chat it was made in is told ({@link Audience.Chat}; a {@link ValidationNotice}, event type {@code validation}),
 * once per pause and once per resume (the events carry only the subscriptions that changed), in its owner's language:
 * which subscription, which bot and market, the verdict with its figures, and what happens next. Written in the
 * transaction that changes the subscriptions, so the notice and the change stand or fall together.
 */
@Component
class NoticeOfValidation {

    private final ChatTexts texts;
    private final UserLocales locales;
    private final SubscriptionNotices notices;
    private final Clock clock;

    NoticeOfValidation(ChatTexts texts, UserLocales locales, SubscriptionNotices notices, Clock clock) {
        this.texts = texts;
        this.locales = locales;
        this.notices = notices;
        this.clock = clock;
    }

    @EventListener
    void on(SubscriptionsPausedByValidation paused) {
        for (SubscriptionOnPair subscription : paused.paused()) {
            tell(subscription, "paused", "notice.validation.paused", paused.bot(),
                    paused.exchange().displayName() + " " + paused.pair(), paused.why());
        }
    }

    @EventListener
    void on(SubscriptionsResumedByValidation resumed) {
        for (SubscriptionOnPair subscription : resumed.resumed()) {
            tell(subscription, "resumed", "notice.validation.resumed", resumed.bot(),
                    resumed.exchange().displayName() + " " + resumed.pair(), resumed.why());
        }
    }

    private void tell(SubscriptionOnPair subscription, String what, String key, String bot, String market,
                      io.signaldesk.chat.LocalizedText why) {
        if (subscription.destinationId() == null) {
            return;
        }
        Locale locale = locales.of(subscription.userId());
        String text = texts.get(locale, key, subscription.number(), subscription.market(), bot, market, why.in(locale));
        notices.send(ValidationNotice.KIND, "validation-" + what + ":" + subscription.id() + ":" + clock.instant().toEpochMilli(),
                new Audience.Chat(subscription.destinationId()), text);
    }
}
