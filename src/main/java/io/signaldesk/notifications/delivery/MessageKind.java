package io.signaldesk.notifications.delivery;

import io.signaldesk.chat.Reply;
import java.time.Duration;
import java.time.Instant;

/**
 * One kind of outbox message (a row's {@code kind}): how its rows become a message, and how long a row
 * may wait to be sent. A row older than {@link #maxAge()} is dropped with the reason, never sent (a
 * signal from this morning is no help in the evening; a chat that has no sender here must not pile up
 * rows). A new kind of message is a new bean of this type; the outbox never switches over kinds.
 */
interface MessageKind {

    /** The {@code delivery.kind} this renders (at most 16 characters). */
    String kind();

    /** How long a row may wait; past it the row is dropped. */
    Duration maxAge();

    /** The message for a claimed row, rendered at send time ({@code now}), so it can tell how the event stands then. */
    Reply render(Delivery delivery, Instant now);
}
