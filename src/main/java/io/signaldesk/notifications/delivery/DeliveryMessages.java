package io.signaldesk.notifications.delivery;

import io.signaldesk.chat.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The registry of {@link MessageKind}s: turns an outbox row into its message, or says why it is too old to send. */
@Component
class DeliveryMessages {

    private final Map<String, MessageKind> kinds;

    DeliveryMessages(List<MessageKind> kinds) {
        this.kinds = kinds.stream().collect(Collectors.toUnmodifiableMap(MessageKind::kind, Function.identity(), (one, other) -> {
            throw new IllegalStateException("two message kinds named " + one.kind() + ": " + one.getClass() + ", " + other.getClass());
        }));
    }

    Collection<MessageKind> kinds() {
        return kinds.values();
    }

    /**
     * Why a row must be dropped instead of sent: it waited longer than its kind allows. (A row of an unknown kind is
     * not too old: rendering it fails, and it ends FAILED like any message that cannot be prepared.)
     */
    Optional<String> tooOld(Delivery delivery, Instant now) {
        MessageKind kind = kinds.get(delivery.kind());
        if (kind == null || Duration.between(delivery.createdAt(), now).compareTo(kind.maxAge()) <= 0) {
            return Optional.empty();
        }
        return Optional.of(tooOldReason(delivery.kind(), kind.maxAge()));
    }

    Reply render(Delivery delivery, Instant now) {
        return kind(delivery).render(delivery, now);
    }

    static String tooOldReason(String kind, Duration maxAge) {
        return "not sent: waited longer than the " + maxAge.toString().substring(2).toLowerCase(java.util.Locale.ROOT)
                + " a " + kind + " message may wait";
    }

    private MessageKind kind(Delivery delivery) {
        MessageKind kind = kinds.get(delivery.kind());
        if (kind == null) {
            throw new IllegalStateException("no message for outbox rows of kind " + delivery.kind());
        }
        return kind;
    }
}
