package io.signaldesk.notifications.delivery;

import io.signaldesk.accounts.AccountKeyRejected;
import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.UserLocales;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When an exchange rejects a connected key during the balance sync, its owner is told in their private chats, in
 * their language: which exchange and key, the exchange's reason, that balances stop syncing, and how to connect a new
 * key. Keyed per account and invalidation, so a replayed event adds nothing; written in the transaction that marks
 * the account invalid.
 */
@Component
class NoticeOfRejectedKey {

    private final ChatDestinations destinations;
    private final ChatTexts texts;
    private final UserLocales locales;
    private final NoticeMessage notices;

    NoticeOfRejectedKey(ChatDestinations destinations, ChatTexts texts, UserLocales locales, NoticeMessage notices) {
        this.destinations = destinations;
        this.texts = texts;
        this.locales = locales;
        this.notices = notices;
    }

    @EventListener
    void on(AccountKeyRejected rejected) {
        String text = texts.get(locales.of(rejected.userId()), "notice.key-rejected", rejected.exchange(),
                rejected.keyHint() == null ? "" : rejected.keyHint(), rejected.reason());
        String key = "key-rejected:" + rejected.accountId() + ":" + rejected.invalidSince().toEpochMilli();
        destinations.privateChatsOf(rejected.userId()).forEach(chat ->
                notices.enqueue(key, chat.id(), text));
    }
}
