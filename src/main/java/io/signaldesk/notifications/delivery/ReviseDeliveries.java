package io.signaldesk.notifications.delivery;

import io.signaldesk.chat.ChatSender;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.SendResult;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Edits the delivered copies of a notification in place ({@link io.signaldesk.notifications.Notifications#revise}):
 * each SENT row of the kind and key is rendered again by its kind, now, and its (first) message rewritten through its
 * platform's {@link ChatSender#edit}: a {@link Reply.Photo} as its caption and buttons (the image stays), a
 * {@link Reply.Text} as its text and buttons. A message the platform took as several (a text over its limit) is edited
 * in its first part. A failure is logged with the platform's reason and counted out; nothing is retried.
 */
@Component
class ReviseDeliveries {

    private static final Logger log = LoggerFactory.getLogger(ReviseDeliveries.class);

    private final Outbox outbox;
    private final DeliveryMessages messages;
    private final Map<Platform, ChatSender> senders;
    private final Clock clock;

    ReviseDeliveries(Outbox outbox, DeliveryMessages messages, List<ChatSender> senders, Clock clock) {
        this.outbox = outbox;
        this.messages = messages;
        this.senders = senders.stream().collect(Collectors.toMap(ChatSender::platform, Function.identity(), (first, second) -> first));
        this.clock = clock;
    }

    int revise(String kind, String key) {
        int edited = 0;
        for (Outbox.SentCopy copy : outbox.sentCopies(kind, key)) {
            if (revise(copy)) {
                edited++;
            }
        }
        return edited;
    }

    private boolean revise(Outbox.SentCopy copy) {
        Delivery delivery = copy.delivery();
        ChatSender sender = senders.get(delivery.destination().platform());
        if (sender == null) {
            log.warn("Delivery {} ({}) not revised: no {} sender here", delivery.id(), delivery.eventKey(), delivery.destination().platform());
            return false;
        }
        String messageId = copy.messageIds().split(",")[0].strip();
        SendResult result;
        try {
            result = switch (messages.render(delivery, clock.instant())) {
                case Reply.Photo photo -> sender.edit(delivery.destination(), messageId, new Reply.Edit(photo.caption(), photo.buttons()), true);
                case Reply.Text text -> sender.edit(delivery.destination(), messageId, new Reply.Edit(text.text(), text.buttons()), false);
                case Reply.Edit edit -> sender.edit(delivery.destination(), messageId, edit, false);
                case Reply other -> new SendResult.Rejected("a " + other.getClass().getSimpleName() + " cannot replace a sent message");
            };
        } catch (RuntimeException e) {
            log.error("Delivery {} ({}) not revised: it could not be rendered", delivery.id(), delivery.eventKey(), e);
            return false;
        }
        if (result instanceof SendResult.Sent) {
            return true;
        }
        log.warn("Delivery {} ({}) to {} {} not revised: {}", delivery.id(), delivery.eventKey(), delivery.destination().platform(),
                delivery.destination().id(), result);
        return false;
    }
}
