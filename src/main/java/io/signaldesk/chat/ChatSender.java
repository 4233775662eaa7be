package io.signaldesk.chat;

/**
 * SPI of each chat adapter for messages nobody asked for (signals, alerts, reports): the outbox hands
 * it one message for one destination at a time, within its {@link #limits()}.
 */
public interface ChatSender {

    Platform platform();

    SendLimits limits();

    /** True while this instance holds the platform's connection (only the leader sends). */
    boolean ready();

    /** Sends one message; never throws for a platform or network failure, it says so in the result. */
    SendResult send(ChatDestination destination, Reply message, boolean silent);

    /**
     * Rewrites a message this bot sent earlier to the destination ({@code messageId} as {@link SendResult.Sent}
     * or a {@link Reply.Receipt} gave it): its text and buttons become the edit's; on a message that carries an image
     * ({@code photo}: it was sent as a {@link Reply.Photo}) the text is its caption and the image stays. A long task's
     * progress message is edited this way, and a notification's delivered copies when it changes; callers space edits
     * of one message by at least {@link #EDIT_SPACING} (Telegram throttles frequent edits). Never throws for a platform
     * or network failure: an edit that changes nothing counts as done ({@link SendResult.Sent}); a platform that cannot
     * edit answers {@link SendResult.Rejected}.
     */
    default SendResult edit(ChatDestination destination, String messageId, Reply.Edit edit, boolean photo) {
        return new SendResult.Rejected(platform() + " messages cannot be edited");
    }

    /** {@link #edit(ChatDestination, String, Reply.Edit, boolean)} of a text message (no image). */
    default SendResult edit(ChatDestination destination, String messageId, Reply.Edit edit) {
        return edit(destination, messageId, edit, false);
    }

    /** The least time between two edits of one message. */
    java.time.Duration EDIT_SPACING = java.time.Duration.ofSeconds(2);
}
