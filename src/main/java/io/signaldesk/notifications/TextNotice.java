package io.signaldesk.notifications;

/**
 * The generic notice any module may send: a text, written in its reader's language when it is sent
 * ({@code {"text": ...}}), of kind {@value #KIND}, event type {@code alerts} ({@link EventTypes#ALERTS}). A module that
 * needs another event type for its notices registers its own {@link NotificationKind} for this payload.
 */
public record TextNotice(String text) {

    public static final String KIND = "NOTICE";
}
