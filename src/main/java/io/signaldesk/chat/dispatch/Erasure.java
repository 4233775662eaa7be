package io.signaldesk.chat.dispatch;

import io.signaldesk.chat.Reply;
import java.util.List;
import java.util.stream.Stream;

/**
 * How the message being handled is erased once it is known to hold a secret: at once through the adapter's
 * {@code eraseNow} where it can delete a message (Telegram: before the command runs, since checking a key may take
 * seconds), else as a {@link Reply.Erase} first among the replies (the local page masks it; Discord never showed it).
 */
final class Erasure {

    private final Runnable eraseNow;
    private boolean asReply;

    Erasure(Runnable eraseNow) {
        this.eraseNow = eraseNow;
    }

    void erase() {
        if (eraseNow != null) {
            eraseNow.run();
        } else {
            asReply = true;
        }
    }

    List<Reply> into(List<Reply> replies) {
        return asReply ? Stream.concat(Stream.of(new Reply.Erase()), replies.stream()).toList() : replies;
    }
}
