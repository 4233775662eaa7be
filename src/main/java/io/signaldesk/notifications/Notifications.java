package io.signaldesk.notifications;

/**
 * The one way for any module to notify chats: writes one outbox row per chat of the audience (skipping chats that
 * turned the kind's event type off, marking silent those that asked for silence unless it is {@link Urgency#URGENT}),
 * in the caller's transaction, so the notification is stored with the fact it tells of, or not at all. The outbox then
 * delivers each row once, in order per chat, at each platform's pace.
 */
public interface Notifications {

    /**
     * Writes the rows; returns how many chats will get it (rows already written for this key are not counted again).
     *
     * @throws IllegalArgumentException when no {@link NotificationKind} of that kind is registered
     */
    int send(Notification notification);

    /**
     * Re-renders every copy of the notification {@code kind}/{@code key} already sent (with its kind's renderer, now)
     * and edits each in place through its platform's sender: a {@link io.signaldesk.chat.Reply.Photo} edits the caption
     * and buttons, a text the text and buttons. Copies not yet sent need nothing (they render when sent). Call it after
     * the change it shows has committed: it makes network calls. Never throws for a platform failure (logs it).
     *
     * @return how many copies were edited
     */
    int revise(String kind, String key);
}
