package io.signaldesk.subscriptions.notices;

import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.UserLocales;
import io.signaldesk.market.PairDelisted;
import io.signaldesk.notifications.Audience;
import io.signaldesk.notifications.TextNotice;
import io.signaldesk.subscriptions.ChatSubscriptions;
import io.signaldesk.subscriptions.SubscriptionOnPair;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * When an exchange stops listing a pair, each active subscription using it is paused, and the chat it was made in is
 * told once (a {@link TextNotice}, event type {@code alerts}; a private chat with its user's linked private chats:
 * {@link Audience.Chat}), keyed per subscription, pair and delisting (a pair delisted again after a re-listing is told
 * again): which subscription, why, and what to do. It goes to that chat, not the owner's private chat, because that is
 * where /pairs, /unsubscribe and /resume work for it. Runs before the subscriptions are paused, in the same
 * transaction, so it still finds them.
 */
@Component
class NoticeOfDelistedPair {

    private final ChatSubscriptions subscriptions;
    private final ChatTexts texts;
    private final UserLocales locales;
    private final SubscriptionNotices notices;

    NoticeOfDelistedPair(ChatSubscriptions subscriptions, ChatTexts texts, UserLocales locales, SubscriptionNotices notices) {
        this.subscriptions = subscriptions;
        this.texts = texts;
        this.locales = locales;
        this.notices = notices;
    }

    @EventListener
    @Order(0)
    void on(PairDelisted delisted) {
        for (SubscriptionOnPair subscription : subscriptions.activeOn(delisted.exchange(), delisted.symbol())) {
            if (subscription.destinationId() == null) {
                continue;
            }
            String text = texts.get(locales.of(subscription.userId()), subscription.primary() ? "notice.delisted" : "notice.delisted.secondary",
                    delisted.symbol().toString(), delisted.exchange().displayName(), subscription.number(), subscription.market());
            notices.send(TextNotice.KIND, "delisted:" + subscription.id() + ":" + delisted.symbol() + ":" + delisted.at().getEpochSecond(),
                    new Audience.Chat(subscription.destinationId()), text);
        }
    }
}
