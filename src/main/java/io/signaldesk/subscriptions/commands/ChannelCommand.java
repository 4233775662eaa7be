package io.signaldesk.subscriptions.commands;

import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.WebhookCheck;
import io.signaldesk.secrets.SecretBox;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * {@code /channel [webhook|here]}: where this chat's subscriptions deliver. With a Discord webhook URL
 * ({@code https://discord.com/api/webhooks/<id>/<token>}) their signals go to that webhook instead of
 * this chat; {@code here} brings them back. Discord is asked first whether the webhook exists with that
 * token (so a typo or someone else's webhook id cannot take over a stored one). The token is stored sealed ({@link SecretBox}, by {@link ChatDestinations}) and never
 * shown again: answers name the webhook by the end of its id. In a server, a member who can manage
 * it chooses (the catalog makes the command admin-only).
 */
@Component
class ChannelCommand implements ChatCommand {

    static final Pattern WEBHOOK = Pattern.compile(
            "https://(?:(?:ptb|canary)\\.)?discord(?:app)?\\.com/api(?:/v\\d{1,2})?/webhooks/(\\d{17,20})/([A-Za-z0-9_-]{20,100})/?");

    private final SubscriptionBook book;
    private final ChatDestinations destinations;
    private final SecretBox secrets;
    private final WebhookCheck webhooks;
    private final ChatTexts texts;

    ChannelCommand(SubscriptionBook book, ChatDestinations destinations, SecretBox secrets, WebhookCheck webhooks, ChatTexts texts) {
        this.book = book;
        this.destinations = destinations;
        this.secrets = secrets;
        this.webhooks = webhooks;
        this.texts = texts;
    }

    @Override
    public String name() {
        return "channel";
    }

    @Override
    public List<Reply> handle(CommandRequest request) {
        Locale locale = request.locale();
        long chat = destinations.of(request.conversation()).id();
        String argument = request.arguments();
        if (argument.isEmpty()) {
            Map<String, Integer> targets = book.deliveryTargets(chat);
            return Reply.text(targets.isEmpty() ? texts.get(locale, "channel.here")
                    : texts.get(locale, "channel.webhooks", String.join(", ", targets.keySet().stream().map(ChannelCommand::shortId).toList())));
        }
        if (argument.equalsIgnoreCase("here")) {
            return Reply.text(texts.get(locale, "channel.back", book.setDeliverTo(chat, null)));
        }
        Matcher webhook = WEBHOOK.matcher(argument);
        if (!webhook.matches()) {
            return Reply.text(texts.get(locale, "channel.invalid"));
        }
        if (!secrets.available()) {
            return Reply.text(texts.get(locale, "channel.no-key"));
        }
        if (book.live(chat).isEmpty()) {
            return Reply.text(texts.get(locale, "subscriptions.none"));
        }
        switch (webhooks.check(webhook.group(1), webhook.group(2))) {
            case MISSING -> {
                return Reply.text(texts.get(locale, "channel.missing"));
            }
            case UNREACHABLE -> {
                return Reply.text(texts.get(locale, "channel.unreachable"));
            }
            case EXISTS -> { }
        }
        long target = destinations.webhook(webhook.group(1), webhook.group(2)).id();
        return Reply.text(texts.get(locale, "channel.set", book.setDeliverTo(chat, target), shortId(webhook.group(1))));
    }

    private static String shortId(String id) {
        return "…" + id.substring(Math.max(0, id.length() - 4));
    }
}
