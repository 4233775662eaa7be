package io.signaldesk.notifications;

/** Who a {@link Notification} goes to; {@link Notifications} turns it into chats when it is written. */
public sealed interface Audience {

    /** Every private chat of a user: one per platform they write from, linked accounts included ({@code /link}). */
    record User(long userId) implements Audience {
    }

    /**
     * One chat: a group or server channel as it is; a private chat together with the other private chats of its user
     * (a user linked on two platforms hears a private subscription's signals on both).
     */
    record Chat(long destinationId) implements Audience {
    }

    /**
     * Every chat with a live subscription to a bot (each chat once), as {@link BotAudience} finds them; a private one
     * with its user's linked private chats, as {@link Chat}.
     */
    record BotSubscribers(long botTemplateId) implements Audience {
    }

    /** The private chats of the operators ({@code SIGNALDESK_OPERATORS}). */
    record Operators() implements Audience {
    }
}
