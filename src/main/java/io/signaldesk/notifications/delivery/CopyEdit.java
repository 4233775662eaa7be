package io.signaldesk.notifications.delivery;

import io.signaldesk.chat.ChatSender;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.SendResult;

/**
 * How a delivered copy is rewritten with its newly rendered message: the button-carrying message
 * ({@link Revision#buttonMessageId}) gets the rendered text and buttons. A {@link Reply.Photo} sent as one message edits
 * its caption (the image stays); a copy that took several messages (a photo whose caption followed as text, a long text)
 * edits its last as text (a text still too long for one message keeps the start that fits there).
 */
final class CopyEdit {

    private CopyEdit() {
    }

    static SendResult apply(ChatSender sender, Revision revision, Reply rendered) {
        var destination = revision.delivery().destination();
        String messageId = revision.buttonMessageId();
        return switch (rendered) {
            case Reply.Photo photo -> sender.edit(destination, messageId, new Reply.Edit(photo.caption(), photo.buttons()), !revision.split());
            case Reply.Text text -> sender.edit(destination, messageId, new Reply.Edit(text.text(), text.buttons()), false);
            case Reply.Edit edit -> sender.edit(destination, messageId, edit, false);
            case Reply other -> new SendResult.Rejected("a " + other.getClass().getSimpleName() + " cannot replace a sent message");
        };
    }
}
