package io.signaldesk.notifications.delivery;

import io.signaldesk.chat.ChatDestination;
import java.time.Instant;

/** A claimed outbox row: what to send ({@code kind} and the event as JSON), where, and until when it may wait. */
record Delivery(long id, String eventKey, ChatDestination destination, String kind, String payload, boolean silent, int attempts,
                Instant expiresAt) {
}
