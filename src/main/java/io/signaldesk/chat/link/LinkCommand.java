package io.signaldesk.chat.link;

import io.signaldesk.chat.ChatButtons;
import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.UserMerge;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * {@code /link} (private chats only): without an argument, a one-time code (valid 10 minutes, replacing any earlier
 * one) to send as {@code /link <code>} to the bot on the other platform; with a code, first a confirmation naming the
 * account it joins (platform and display name) and what moves there, warning to confirm only for one's own account (a
 * stranger who talks someone into sending their code would get that person's keys); only the Link button, for the
 * sender only and for {@link #CONFIRM_LIFETIME}, links (Cancel voids the sender's Link buttons) ({@link AccountLinks}: the maker's user is kept, this account
 * joins it). A code typed in a group is burned at once and deleted there. The local chat page is refused: its user is
 * this machine's owner and an operator ({@code ChatOperators}), which a linked Telegram or Discord account must not become.
 */
@Component
class LinkCommand implements ChatCommand {

    static final Duration CONFIRM_LIFETIME = Duration.ofMinutes(5);
    private static final String LINK = "link:";

    private final LinkCodes codes;
    private final AccountLinks links;
    private final ChatTexts texts;
    private final ChatButtons buttons;

    LinkCommand(LinkCodes codes, AccountLinks links, ChatTexts texts, ChatButtons buttons) {
        this.codes = codes;
        this.links = links;
        this.texts = texts;
        this.buttons = buttons;
    }

    @Override
    public String name() {
        return "link";
    }

    @Override
    public List<Reply> handle(CommandRequest request) {
        Platform here = request.conversation().platform();
        Locale locale = request.locale();
        if (here == Platform.LOCAL) {
            return Reply.text(texts.get(locale, "link.refused.local"));
        }
        if (request.arguments().isEmpty()) {
            String code = codes.issue(request.user().id(), here);
            return Reply.text(texts.get(locale, "link.code", code, other(here), LinkCodes.LIFETIME.toMinutes()));
        }
        return switch (links.preview(here, request.conversation().chatId(), request.arguments(), locale)) {
            case AccountLinks.Outcome.Confirm confirm -> {
                String moving = confirm.moving().isEmpty() ? texts.get(locale, "link.confirm.nothing")
                        : String.join("\n", confirm.moving().stream().map(line -> "\u2022 " + line).toList());
                OptionalLong owner = OptionalLong.of(request.user().id());
                yield List.of(new Reply.Text(texts.get(locale, "link.confirm", here.displayName(), confirm.maker().displayName(),
                        confirm.makerName(), moving, CONFIRM_LIFETIME.toMinutes()),
                        List.of(List.of(buttons.make(owner, name(), texts.get(locale, "link.button.link"), LINK + confirm.codeHash(), CONFIRM_LIFETIME),
                                buttons.make(owner, name(), texts.get(locale, "link.button.cancel"), "cancel", CONFIRM_LIFETIME)))));
            }
            case AccountLinks.Outcome.Linked linked -> throw new IllegalStateException("a preview links nothing");
            case AccountLinks.Outcome.Refused refused -> Reply.text(refused.text());
        };
    }

    @Override
    public List<Reply> press(CommandRequest request, String payload) {
        Platform here = request.conversation().platform();
        if (!payload.startsWith(LINK) || here == Platform.LOCAL) {
            links.cancel(request.user().id());
            return edit(texts.get(request.locale(), "link.cancelled"));
        }
        try {
            return switch (links.link(here, request.conversation().chatId(), payload.substring(LINK.length()), request.locale())) {
                case AccountLinks.Outcome.Linked linked -> edit(texts.get(linked.keptLocale(), "link.done", here.displayName(),
                        linked.maker().displayName()));
                case AccountLinks.Outcome.Refused refused -> edit(refused.text());
                case AccountLinks.Outcome.Confirm confirm -> throw new IllegalStateException("a press links or refuses");
            };
        } catch (UserMerge.Conflict conflict) {
            return edit(texts.get(request.locale(), "link.retry"));
        }
    }

    @Override
    public boolean mayHoldSecret(String arguments) {
        return !arguments.isBlank();
    }

    /** A code posted in a group is burned at once: deleting the message may fail, and whoever redeems it joins its maker. */
    @Override
    public void exposed(String arguments) {
        codes.burn(arguments);
    }

    private static List<Reply> edit(String text) {
        return List.of(new Reply.Edit(text, List.of()));
    }

    private static String other(Platform here) {
        return switch (here) {
            case TELEGRAM -> Platform.DISCORD.displayName();
            case DISCORD -> Platform.TELEGRAM.displayName();
            default -> throw new IllegalArgumentException("no link codes are made on " + here);
        };
    }
}
