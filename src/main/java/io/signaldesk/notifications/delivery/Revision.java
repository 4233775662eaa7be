package io.signaldesk.notifications.delivery;

import java.time.Instant;
import java.util.Arrays;

/**
 * A delivered copy claimed to be edited: its row, the platform's message ids it took (comma-separated, in order), the
 * request it serves and the failed tries of that request so far.
 */
record Revision(Delivery delivery, String messageIds, Instant requestedAt, int attempts) {

    /**
     * The message that carries the buttons, the one to edit: the last (a long text's buttons sit under its last part; a
     * photo whose caption was too long went out bare, followed by the caption as text with the buttons).
     */
    String buttonMessageId() {
        String[] ids = messageIds.split(",");
        return ids[ids.length - 1].strip();
    }

    /** Whether the copy took several messages (then the button-carrying one is a text, whatever was sent). */
    boolean split() {
        return Arrays.stream(messageIds.split(",")).filter(id -> !id.isBlank()).count() > 1;
    }
}
