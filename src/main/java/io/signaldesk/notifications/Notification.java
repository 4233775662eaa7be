package io.signaldesk.notifications;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a job or a command wants chats to hear: its {@link NotificationKind} (which renders it and names its
 * {@code /notify} event type), an event key (one row per key and chat: sending the same key again adds nothing), who
 * hears it, how urgently, its payload (stored as JSON, read back by the kind's renderer) and until when it is worth
 * sending.
 */
public record Notification(String kind, String key, Audience audience, Urgency urgency, Object payload, Instant expiresAt) {

    public Notification {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (key.length() > 64) {
            throw new IllegalArgumentException("an event key is at most 64 characters: " + key);
        }
    }
}
