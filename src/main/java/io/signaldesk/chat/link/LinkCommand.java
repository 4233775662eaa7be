package io.signaldesk.chat.link;

import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.Reply;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code /link} (private chats only): without an argument, a one-time code (valid 10 minutes, replacing any earlier
 * one) to send as {@code /link <code>} to the bot on the other platform; with a code, links this account to the code's
 * user ({@link AccountLinks}: the maker's user is kept, this account joins it). A code typed in a group is refused and
 * deleted there: whoever redeems it joins the maker's user. The local chat page is refused: its user is this machine's
 * owner and an operator ({@code ChatOperators}), which a linked Telegram or Discord account must not become.
 */
@Component
class LinkCommand implements ChatCommand {

    private final LinkCodes codes;
    private final AccountLinks links;
    private final ChatTexts texts;

    LinkCommand(LinkCodes codes, AccountLinks links, ChatTexts texts) {
        this.codes = codes;
        this.links = links;
        this.texts = texts;
    }

    @Override
    public String name() {
        return "link";
    }

    @Override
    public List<Reply> handle(CommandRequest request) {
        Platform here = request.conversation().platform();
        if (here == Platform.LOCAL) {
            return Reply.text(texts.get(request.locale(), "link.refused.local"));
        }
        if (request.arguments().isEmpty()) {
            String code = codes.issue(request.user().id(), here);
            return Reply.text(texts.get(request.locale(), "link.code", code, other(here), LinkCodes.LIFETIME.toMinutes()));
        }
        return switch (links.link(here, request.conversation().chatId(), request.arguments(), request.locale())) {
            case AccountLinks.Outcome.Linked linked -> Reply.text(texts.get(linked.keptLocale(), "link.done", here.displayName(),
                    linked.maker().displayName()));
            case AccountLinks.Outcome.Refused refused -> Reply.text(refused.text());
        };
    }

    @Override
    public boolean mayHoldSecret(String arguments) {
        return !arguments.isBlank();
    }

    private static String other(Platform here) {
        return switch (here) {
            case TELEGRAM -> Platform.DISCORD.displayName();
            case DISCORD -> Platform.TELEGRAM.displayName();
            default -> throw new IllegalArgumentException("no link codes are made on " + here);
        };
    }
}
