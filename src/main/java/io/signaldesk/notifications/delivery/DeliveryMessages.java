package io.signaldesk.notifications.delivery;

import io.signaldesk.chat.Reply;
import io.signaldesk.notifications.EventTypes;
import io.signaldesk.notifications.NotificationKind;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The registry of {@link NotificationKind}s: turns an outbox row into its message, or says why it is too old to send. */
@Component
class DeliveryMessages {

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final Map<String, NotificationKind> kinds;

    DeliveryMessages(List<NotificationKind> kinds) {
        this.kinds = kinds.stream().collect(Collectors.toUnmodifiableMap(NotificationKind::kind, Function.identity(), (one, other) -> {
            throw new IllegalStateException("two notification kinds named " + one.kind() + ": " + one.getClass() + ", " + other.getClass());
        }));
        this.kinds.values().stream().filter(kind -> !EventTypes.ALL.contains(kind.eventType())).findFirst().ifPresent(kind -> {
            throw new IllegalStateException("notification kind " + kind.kind() + " has event type '" + kind.eventType()
                    + "', not one of " + EventTypes.ALL);
        });
    }

    /** The {@code /notify} event type of a registered kind. */
    String eventTypeOf(String kind) {
        NotificationKind known = kinds.get(kind);
        if (known == null) {
            throw new IllegalArgumentException("no notification kind " + kind + " is registered (known: " + kinds.keySet() + ")");
        }
        return known.eventType();
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
        return kind(delivery).render(new NotificationKind.Rendering(delivery.eventKey(), delivery.payload(), delivery.destination(), now));
    }

    /** The reason a row past its expiry is dropped with (the expiry job writes the same in SQL: {@link Outbox#expire}). */
    static String expiredReason(Instant expiresAt) {
        return "not sent: waited past its expiry at " + EXPIRY.format(expiresAt) + " UTC";
    }

    private NotificationKind kind(Delivery delivery) {
        NotificationKind kind = kinds.get(delivery.kind());
        if (kind == null) {
            throw new IllegalStateException("no message for outbox rows of kind " + delivery.kind());
        }
        return kind;
    }
}
