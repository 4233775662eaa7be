package io.signaldesk.accounts.keys;

import io.signaldesk.accounts.AccountKeyRejected;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.UserLocales;
import io.signaldesk.notifications.Audience;
import io.signaldesk.notifications.Notification;
import io.signaldesk.notifications.NotificationLifetimes;
import io.signaldesk.notifications.Notifications;
import io.signaldesk.notifications.TextNotice;
import io.signaldesk.notifications.Urgency;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When an exchange rejects a connected key during the balance sync, its owner is told in their private chats
 * ({@link Audience.User}), in their language, as a {@link TextNotice} (event type {@code alerts}): which exchange and
 * key, the exchange's reason, that balances stop syncing, and how to connect a new key. Keyed per account and
 * invalidation, so a replayed event adds nothing; written in the transaction that marks the account invalid.
 */
@Component
class NoticeOfRejectedKey {

    private final Notifications notifications;
    private final NotificationLifetimes lifetimes;
    private final ChatTexts texts;
    private final UserLocales locales;
    private final Clock clock;

    NoticeOfRejectedKey(Notifications notifications, NotificationLifetimes lifetimes, ChatTexts texts, UserLocales locales, Clock clock) {
        this.notifications = notifications;
        this.lifetimes = lifetimes;
        this.texts = texts;
        this.locales = locales;
        this.clock = clock;
    }

    @EventListener
    void on(AccountKeyRejected rejected) {
        String text = texts.get(locales.of(rejected.userId()), "notice.key-rejected", rejected.exchange(),
                rejected.keyHint() == null ? "" : rejected.keyHint(), rejected.reason());
        String key = "key-rejected:" + rejected.accountId() + ":" + rejected.invalidSince().toEpochMilli();
        notifications.send(new Notification(TextNotice.KIND, key, new Audience.User(rejected.userId()), Urgency.NORMAL,
                new TextNotice(text), lifetimes.noticeExpiry(clock.instant())));
    }
}
