package io.signaldesk.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.chat.dispatch.CommandDispatcher;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the command tests share: a trader's account, writing and pressing in its private chat, reading the one reply's text
 * and finding a button to press.
 */
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
            case Reply.Tracked tracked -> tracked.text();
            case Reply.Prompt prompt -> prompt.text();
            case Reply.Erase erase -> "";
        };
    }

    /** A new English-speaking Telegram trader, its id the next of {@code accounts}. */
    public static ChatAccount trader(AtomicLong accounts) {
        return new ChatAccount(Platform.TELEGRAM, Long.toString(accounts.incrementAndGet()), "Trader", "en");
    }

    /** The id of the button labelled {@code label} among {@code rows}. */
    public static String buttonId(List<List<Button>> rows, String label) {
        return rows.stream().flatMap(List::stream).filter(button -> button.label().equals(label)).findFirst().orElseThrow().id();
    }
}
