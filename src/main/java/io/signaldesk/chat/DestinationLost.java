package io.signaldesk.chat;

/** The platform refused a destination for good (bot blocked, removed from the group): nothing more goes there. */
public record DestinationLost(long destinationId, Platform platform, String reason, java.time.Instant at) {
}
