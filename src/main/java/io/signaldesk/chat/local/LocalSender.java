package io.signaldesk.chat.local;

import io.signaldesk.chat.ChatDestination;
import io.signaldesk.chat.ChatSender;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.SendLimits;
import io.signaldesk.chat.SendResult;
import java.time.Duration;

/** The outbox's way onto the local page: always ready, no platform limits worth the name. */
class LocalSender implements ChatSender {

    private static final SendLimits LIMITS = new SendLimits(50, Duration.ZERO, Duration.ZERO);

    private final LocalChat chat;

    LocalSender(LocalChat chat) {
        this.chat = chat;
    }

    @Override
    public Platform platform() {
        return Platform.LOCAL;
    }

    @Override
    public SendLimits limits() {
        return LIMITS;
    }

    @Override
    public boolean ready() {
        return true;
    }

    @Override
    public SendResult send(ChatDestination destination, Reply message, boolean silent) {
        if (!destination.chatId().equals(LocalChat.CHAT_ID)) {
            return new SendResult.Gone("the local page has one chat, '" + LocalChat.CHAT_ID + "'");
        }
        return new SendResult.Sent(Long.toString(chat.show(message, null)));
    }

    /** Rewrites the text and buttons; a photo keeps its image ({@code photo} changes nothing here). */
    @Override
    public SendResult edit(ChatDestination destination, String messageId, Reply.Edit edit, boolean photo) {
        try {
            return chat.edit(Long.parseLong(messageId), edit) ? new SendResult.Sent(messageId)
                    : new SendResult.Rejected("message " + messageId + " is no longer on the page (it keeps the last " + LocalChat.KEPT + ")");
        } catch (NumberFormatException e) {
            return new SendResult.Rejected("not a local message id: " + messageId);
        }
    }
}
