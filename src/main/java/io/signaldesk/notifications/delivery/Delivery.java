package io.signaldesk.notifications.delivery;

import io.signaldesk.chat.ChatDestination;
import java.time.Instant;

/** A claimed outbox row: what to send ({@code kind} and the event as JSON), where, since when it waits and until when it may. */
record Delivery(long id, String eventKey, ChatDestination destination, String kind, String payload, boolean silent, int attempts,
                Instant createdAt, Instant expiresAt) {
}
