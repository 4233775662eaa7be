package io.signaldesk.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.chat.dispatch.CommandDispatcher;
import java.util.List;

/** What the command tests share: writing and pressing in an account's private chat, and reading the one reply's text. */
public final class ChatReplies {

    private ChatReplies() {
    }

    public static List<Reply> typed(CommandDispatcher dispatcher, ChatAccount account, String text) {
        return dispatcher.dispatch(new Incoming.Typed(account, Conversation.privateChat(account.platform(), account.externalId()), text));
    }

    public static List<Reply> pressed(CommandDispatcher dispatcher, ChatAccount account, String buttonId) {
        return dispatcher.dispatch(new Incoming.Pressed(account, Conversation.privateChat(account.platform(), account.externalId()), buttonId));
    }

    /** The text of the only reply (a caption for a photo). */
    public static String text(List<Reply> replies) {
        assertThat(replies).hasSize(1);
        return switch (replies.getFirst()) {
            case Reply.Text text -> text.text();
            case Reply.Edit edit -> edit.text();
            case Reply.Photo photo -> photo.caption();
            case Reply.Notice notice -> notice.text();
        };
    }
}
