package io.signaldesk.notifications.delivery;

import io.signaldesk.chat.ChatDestination;

/** A claimed outbox row: what to send ({@code kind} and the event as JSON) and where. */
record Delivery(long id, String eventKey, ChatDestination destination, String kind, String payload, boolean silent, int attempts) {
}
