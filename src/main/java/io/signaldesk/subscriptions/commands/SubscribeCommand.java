package io.signaldesk.subscriptions.commands;

import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Reply;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.InputCheck;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.subscriptions.BotTemplates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code /subscribe <exchange> <pair> [timeframes] [bot=<bot>]}, e.g. {@code /subscribe binance BTC/USDT
 * 30m,1h,4h bot=futures-signals-ai}: subscribes the chat it is written in to a bot (the default bot,
 * {@code SIGNALDESK_DEFAULT_BOT}, when none is named; timeframes default to the bot's). The bot is a
 * {@code bot=} word in any position, so it never reads as an exchange, pair or timeframes. With no
 * arguments, a button wizard: bot (when there is more than one), exchange, pair, timeframes. Every
 * input is checked against the exchange (pair listed, timeframes served) and the caps
 * ({@link SubscriptionLimits}) before anything is stored; the caps' check and the insert run in one
 * transaction under the chat's lock, so two subscribes at once cannot both pass the per-chat cap.
 */
@Component
class SubscribeCommand implements ChatCommand {

    static final char SEP = '|';
    /** How a typed bot is written, anywhere among the arguments: {@code bot=futures-signals-ai}. */
    static final String BOT_PREFIX = "bot=";

    private final SubscriptionBook book;
    private final MarketInputs markets;
    private final ChatDestinations destinations;
    private final ChatTexts texts;
    private final BotTemplates templates;
    private final SubscriptionLimits limits;
    private final SubscribeButtons buttons;
    private final String defaultBot;
    private final FirstAnalysis firstAnalysis;
    private final TransactionTemplate transactions;

    /** The caps' answer and, when they allow it, the subscribe's, decided under the chat's lock in one transaction. */
    private sealed interface Checked {
        record Refused(String reason) implements Checked {
        }

        record Made(SubscriptionBook.Created created) implements Checked {
        }
    }

    SubscribeCommand(SubscriptionBook book, MarketInputs markets, ChatDestinations destinations, ChatTexts texts, BotTemplates templates,
                     SubscriptionLimits limits, SubscribeButtons buttons, FirstAnalysis firstAnalysis, TransactionTemplate transactions) {
        this.book = book;
        this.markets = markets;
        this.destinations = destinations;
        this.texts = texts;
        this.templates = templates;
        this.limits = limits;
        this.buttons = buttons;
        this.defaultBot = templates.defaultCode();
        this.firstAnalysis = firstAnalysis;
        this.transactions = transactions;
    }

    @Override
    public String name() {
        return "subscribe";
    }

    @Override
    public List<Reply> handle(CommandRequest request) {
        Locale locale = request.locale();
        List<String> words = new ArrayList<>(Arrays.stream(request.arguments().split("\\s+")).filter(word -> !word.isBlank()).toList());
        List<String> bots = words.stream().filter(word -> word.toLowerCase(Locale.ROOT).startsWith(BOT_PREFIX)).toList();
        words.removeAll(bots);
        if (bots.size() > 1) {
            return Reply.text(texts.get(locale, "subscribe.usage"));
        }
        String botCode = bots.isEmpty() ? null : bots.getFirst().substring(BOT_PREFIX.length());
        if (botCode != null && templates.find(botCode).isEmpty()) {
            return Reply.text(unknownBot(locale, botCode));
        }
        if (words.isEmpty()) {
            return botCode == null && templates.active().size() > 1
                    ? List.of(new Reply.Text(texts.get(locale, "subscribe.choose-bot"), buttons.bots(request)))
                    : List.of(new Reply.Text(texts.get(locale, "subscribe.choose-exchange"), buttons.exchanges(request, bot(botCode))));
        }
        if (words.size() < 2 || words.size() > 3) {
            return Reply.text(texts.get(locale, "subscribe.usage"));
        }
        var exchange = markets.exchange(words.get(0));
        if (exchange instanceof InputCheck.Rejected<ExchangeId> rejected) {
            return Reply.text(texts.get(locale, "subscribe.rejected", rejected.message()));
        }
        ExchangeId exchangeId = ((InputCheck.Accepted<ExchangeId>) exchange).value();
        var pair = markets.pair(exchangeId, words.get(1));
        if (pair instanceof InputCheck.Rejected<Symbol> rejected) {
            return Reply.text(texts.get(locale, "subscribe.rejected", rejected.message()));
        }
        Symbol symbol = ((InputCheck.Accepted<Symbol>) pair).value();
        return Reply.text(subscribe(request, exchangeId, symbol, words.size() == 3 ? words.get(2) : null, bot(botCode)));
    }

    /**
     * The wizard's presses: {@code b|bot} (a bot chosen), {@code x|exchange|bot}, {@code p|exchange|pair|bot},
     * {@code t|exchange|pair|timeframes|bot}; the bot part is missing in buttons made before bots could
     * be chosen, which then take the default bot.
     */
    @Override
    public List<Reply> press(CommandRequest request, String payload) {
        List<String> parts = Arrays.asList(payload.split("\\" + SEP));
        Locale locale = request.locale();
        if (parts.getFirst().equals("b")) {
            return templates.find(parts.get(1)).isEmpty() ? List.of(new Reply.Edit(unknownBot(locale, parts.get(1)), List.of()))
                    : List.of(new Reply.Edit(texts.get(locale, "subscribe.choose-exchange"), buttons.exchanges(request, parts.get(1))));
        }
        ExchangeId exchange = ExchangeId.parse(parts.get(1)).orElseThrow();
        int botAt = switch (parts.getFirst()) {
            case "x" -> 2;
            case "p" -> 3;
            case "t" -> 4;
            default -> throw new IllegalArgumentException("unknown subscribe step " + payload);
        };
        String bot = parts.size() > botAt ? parts.get(botAt) : defaultBot;
        if (templates.find(bot).isEmpty()) {
            return List.of(new Reply.Edit(unknownBot(locale, bot), List.of()));
        }
        return switch (parts.getFirst()) {
            case "x" -> List.of(new Reply.Edit(texts.get(locale, "subscribe.choose-pair", exchange.displayName()),
                    buttons.pairs(request, exchange, bot)));
            case "p" -> List.of(new Reply.Edit(texts.get(locale, "subscribe.choose-timeframes", exchange.displayName(), parts.get(2)),
                    buttons.timeframes(request, exchange, parts.get(2), bot)));
            default -> List.of(new Reply.Edit(subscribe(request, exchange, Symbol.parse(parts.get(2)), parts.get(3), bot), List.of()));
        };
    }

    /** Subscribes the chat to a bot; {@code timeframes} null means the bot's defaults. Returns the answer. */
    private String subscribe(CommandRequest request, ExchangeId exchange, Symbol pair, String timeframes, String botCode) {
        Locale locale = request.locale();
        BotTemplates.BotTemplate bot = templates.find(botCode)
                .orElseThrow(() -> new IllegalStateException("the bot " + botCode + " is not an active bot template"));
        var checked = markets.timeframes(exchange, timeframes == null ? String.join(",", bot.defaultTimeframes()) : timeframes);
        if (checked instanceof InputCheck.Rejected<List<Timeframe>> rejected) {
            return texts.get(locale, "subscribe.rejected", rejected.message());
        }
        List<Timeframe> chosen = ((InputCheck.Accepted<List<Timeframe>>) checked).value();
        long destination = destinations.of(request.conversation()).id();
        Checked decided = transactions.execute(status -> {
            limits.lockChat(destination);
            if (limits.liveAlready(destination, bot.id(), exchange, pair.toString())) {
                return new Checked.Made(new SubscriptionBook.Created.AlreadyThere());
            }
            var refusal = limits.refuseNew(locale, destination, exchange, pair.toString(), chosen);
            return refusal.isPresent() ? new Checked.Refused(refusal.get())
                    : new Checked.Made(book.create(request.user().id(), destination, bot, exchange, pair, chosen));
        });
        if (decided instanceof Checked.Refused(String reason)) {
            return reason;
        }
        String codes = String.join(",", chosen.stream().map(Timeframe::code).toList());
        return switch (((Checked.Made) decided).created()) {
            case SubscriptionBook.Created.New created -> texts.get(locale, "subscribe.done", bot.name(), exchange.displayName(), pair, codes)
                    + "\n" + firstAnalysis.start(locale, exchange, List.of(pair), chosen);
            case SubscriptionBook.Created.AlreadyThere already -> texts.get(locale, "subscribe.already", bot.name(), exchange.displayName(), pair);
        };
    }

    private String bot(String code) {
        return code == null ? defaultBot : templates.find(code).orElseThrow().code();
    }

    private String unknownBot(Locale locale, String code) {
        String shown = code.length() > 32 ? code.substring(0, 32) + "…" : code;
        String known = String.join(", ", templates.active().stream().map(bot -> bot.code() + " (" + bot.name() + ")").toList());
        String example = templates.active().isEmpty() ? defaultBot : templates.active().getLast().code();
        return texts.get(locale, "subscribe.unknown-bot", shown, known, example);
    }
}
