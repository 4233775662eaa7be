package io.signaldesk.notifications.delivery;

import io.signaldesk.chat.Reply;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The registry of {@link MessageKind}s: turns an outbox row into its message, or says why it is too old to send. */
@Component
class DeliveryMessages {

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final Map<String, MessageKind> kinds;

    DeliveryMessages(List<MessageKind> kinds) {
        this.kinds = kinds.stream().collect(Collectors.toUnmodifiableMap(MessageKind::kind, Function.identity(), (one, other) -> {
            throw new IllegalStateException("two message kinds named " + one.kind() + ": " + one.getClass() + ", " + other.getClass());
        }));
    }

    /**
     * Why a row must be dropped instead of sent: it is past the expiry its kind gave it when it was written (whatever
     * the kind, even one no longer registered). A row of an unknown kind not yet expired fails to render, and ends
     * FAILED like any message that cannot be prepared.
     */
    Optional<String> tooOld(Delivery delivery, Instant now) {
        return now.isAfter(delivery.expiresAt()) ? Optional.of(expiredReason(delivery.expiresAt())) : Optional.empty();
    }

    Reply render(Delivery delivery, Instant now) {
        return kind(delivery).render(delivery, now);
    }

    /** The reason a row past its expiry is dropped with (the expiry job writes the same in SQL: {@link Outbox#expire}). */
    static String expiredReason(Instant expiresAt) {
        return "not sent: waited past its expiry at " + EXPIRY.format(expiresAt) + " UTC";
    }

    private MessageKind kind(Delivery delivery) {
        MessageKind kind = kinds.get(delivery.kind());
        if (kind == null) {
            throw new IllegalStateException("no message for outbox rows of kind " + delivery.kind());
        }
        return kind;
    }
}
