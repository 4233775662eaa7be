package io.signaldesk.subscriptions.notices;

import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.DestinationLost;
import io.signaldesk.chat.UserLocales;
import io.signaldesk.notifications.Audience;
import io.signaldesk.notifications.TextNotice;
import io.signaldesk.subscriptions.ChatSubscriptions;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * When a chat or webhook refuses the bot, the people whose subscriptions delivered there are told once, in their
 * private chats ({@link Audience.User}; a {@link TextNotice}, event type {@code alerts}): where, why, and that its
 * subscriptions are paused until /resume. (A private chat that refuses the bot is inactive by then: it cannot be told,
 * and is not.) Runs before the subscriptions are paused, in the same transaction, so it still finds them.
 */
@Component
class NoticeOfLostDestination {

    private final ChatSubscriptions subscriptions;
    private final ChatDestinations destinations;
    private final ChatTexts texts;
    private final UserLocales locales;
    private final SubscriptionNotices notices;

    NoticeOfLostDestination(ChatSubscriptions subscriptions, ChatDestinations destinations, ChatTexts texts,
                            UserLocales locales, SubscriptionNotices notices) {
        this.notices = notices;
        this.subscriptions = subscriptions;
        this.destinations = destinations;
        this.texts = texts;
        this.locales = locales;
    }

    @EventListener
    @Order(0)
    void on(DestinationLost lost) {
        String where = destinations.find(lost.destinationId()).map(destination -> destination.platform() + " " + destination.chatId())
                .orElse("#" + lost.destinationId());
        for (long owner : subscriptions.ownersDeliveringTo(lost.destinationId())) {
            String text = texts.get(locales.of(owner), "notice.lost", where, lost.reason());
            notices.send(TextNotice.KIND, "lost:" + lost.destinationId() + ":" + owner + ":" + lost.at().getEpochSecond(),
                    new Audience.User(owner), text);
        }
    }
}
