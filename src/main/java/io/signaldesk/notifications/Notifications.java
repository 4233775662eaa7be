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
     * Asks every copy of the notification {@code kind}/{@code key} to show its state as of now, durably: each copy
     * (already SENT, or still pending or being sent) is marked in the outbox, in the caller's transaction when there is
     * one (call it in the transaction of the change it shows, or after that committed; never before). No network call
     * here: the platform's delivery worker (the instance holding the connection) then renders each sent copy with its
     * kind's renderer and edits in place the message that carries the buttons: a {@link io.signaldesk.chat.Reply.Photo}
     * sent as one message edits its caption and buttons (the image stays), a text, or a photo whose long caption
     * followed as a text, edits that text and its buttons. Edits keep the platform's pace and
     * {@link io.signaldesk.chat.ChatSender#EDIT_SPACING} per message, are retried after flood control and failures, and
     * a request made while an edit was under way is served again; a copy whose send renders after the request needs no
     * edit. Unknown keys mark nothing.
     *
     * @return how many copies were marked (to chats that still take the bot)
     */
    int revise(String kind, String key);
}
