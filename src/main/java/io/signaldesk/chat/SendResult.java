package io.signaldesk.chat;

import java.time.Duration;

/** What became of one message sent to a destination. */
public sealed interface SendResult {

    /** Delivered; the platform's message ids (several when a long text was split). */
    record Sent(String messageIds) implements SendResult {
    }

    /** Flood control: the platform asks to wait this long before sending again. */
    record RetryAfter(Duration delay) implements SendResult {
    }

    /** A server error or network failure: try again later. */
    record Failed(String reason) implements SendResult {
    }

    /** The platform rejected this message itself (it will never go through as it is). */
    record Rejected(String reason) implements SendResult {
    }

    /** The chat moved (a Telegram group upgraded to a supergroup gets a new id): send there from now on. */
    record Moved(String newChatId) implements SendResult {
    }

    /** The destination refuses the bot (blocked, removed, chat gone): send nothing more there. */
    record Gone(String reason) implements SendResult {
    }
}
