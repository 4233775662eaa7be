package io.signaldesk.notifications.delivery;

import io.signaldesk.chat.UserMerge;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deliveries when linked accounts part ({@code /unlink}): every message still pending for the leaving account's private
 * chat is dropped ("account unlinked"). While linked, the kept user's private messages (risk and stop alerts, key
 * notices, balances, reports) went to both private chats; once that account has left, those queued for its chat must not
 * go out. Its own pending signals are dropped with them (the next ones arrive as usual). Linking changes no delivery.
 */
@Component
class DeliveriesUserMerge implements UserMerge {

    static final String UNLINKED = "account unlinked";
    private static final Logger log = LoggerFactory.getLogger(DeliveriesUserMerge.class);

    private final Outbox outbox;

    DeliveriesUserMerge(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Optional<String> refusal(long from, long into, Locale locale) {
        return Optional.empty();
    }

    @Override
    public void merge(long from, long into) {
    }

    @Override
    public void split(long from, long to, long privateChatId) {
        int dropped = outbox.dropPending(privateChatId, UNLINKED);
        if (dropped > 0) {
            log.info("{} pending deliveries to chat {} dropped: its account left user {}", dropped, privateChatId, from);
        }
    }
}
