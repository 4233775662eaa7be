package io.signaldesk.chat.link;

import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.Reply;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code /unlink} (private chats only), from either linked account: the accounts that joined with a code leave, the
 * one that made the code stays ({@link AccountUnlinks}); the answer says which left and what went with them.
 */
@Component
class UnlinkCommand implements ChatCommand {

    private final AccountUnlinks unlinks;
    private final ChatTexts texts;

    UnlinkCommand(AccountUnlinks unlinks, ChatTexts texts) {
        this.unlinks = unlinks;
        this.texts = texts;
    }

    @Override
    public String name() {
        return "unlink";
    }

    @Override
    public java.util.List<Reply> handle(CommandRequest request) {
        Platform here = request.conversation().platform();
        AccountUnlinks.Outcome outcome = unlinks.unlink(here, request.conversation().chatId());
        if (outcome.left().isEmpty()) {
            return Reply.text(texts.get(request.locale(), "unlink.not-linked"));
        }
        String left = outcome.left().stream().map(Platform::displayName).collect(Collectors.joining(" + "));
        return Reply.text(texts.get(request.locale(), outcome.senderLeft() ? "unlink.done-self" : "unlink.done-others", left));
    }
}
