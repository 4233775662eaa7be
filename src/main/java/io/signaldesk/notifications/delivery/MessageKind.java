package io.signaldesk.notifications.delivery;

import io.signaldesk.chat.Reply;
import java.time.Instant;

/**
 * One kind of outbox message (a row's {@code kind}): how its rows become a message. How long a row may wait
 * is decided by its kind when it is written ({@code delivery.expires_at}: {@link SignalKind#expiresAt},
 * {@link NoticeMessage#expiresAt}); a row past it is dropped with the reason, never sent (a signal from
 * this morning is no help in the evening; a chat that has no sender here must not pile up rows), whatever
 * its kind, even one no longer registered. A new kind of message is a new bean of this type; the outbox
 * never switches over kinds.
 */
interface MessageKind {

    /** The {@code delivery.kind} this renders (at most 16 characters). */
    String kind();

    /** The message for a claimed row, rendered at send time ({@code now}), so it can tell how the event stands then. */
    Reply render(Delivery delivery, Instant now);
}
