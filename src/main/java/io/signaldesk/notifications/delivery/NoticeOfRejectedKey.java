package io.signaldesk.notifications.delivery;

import io.signaldesk.accounts.AccountKeyRejected;
import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.UserLocales;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * When an exchange rejects a connected key during the balance sync, its owner is told in their private chats, in
 * their language: which exchange and key, the exchange's reason, that balances stop syncing, and how to connect a new
 * key. Keyed per account and invalidation, so a replayed event adds nothing; written in the transaction that marks
 * the account invalid.
 */
@Component
class NoticeOfRejectedKey {

    private final ChatDestinations destinations;
    private final Outbox outbox;
    private final ChatTexts texts;
    private final UserLocales locales;
    private final JsonMapper json;
    private final NoticeMessage notices;

    NoticeOfRejectedKey(ChatDestinations destinations, Outbox outbox, ChatTexts texts, UserLocales locales, JsonMapper json,
                        NoticeMessage notices) {
        this.destinations = destinations;
        this.outbox = outbox;
        this.texts = texts;
        this.locales = locales;
        this.json = json;
        this.notices = notices;
    }

    @EventListener
    void on(AccountKeyRejected rejected) {
        String text = texts.get(locales.of(rejected.userId()), "notice.key-rejected", rejected.exchange(),
                rejected.keyHint() == null ? "" : rejected.keyHint(), rejected.reason());
        String key = "key-rejected:" + rejected.accountId() + ":" + rejected.invalidSince().toEpochMilli();
        destinations.privateChatsOf(rejected.userId()).forEach(chat ->
                outbox.enqueue(key, chat.id(), NoticeMessage.KIND, "alerts", json.writeValueAsString(Map.of("text", text)), notices.expiresAt()));
    }
}
