package io.signaldesk.subscriptions.commands;

import io.signaldesk.chat.Button;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code /subscribe <exchange> <pair> [timeframes]}, e.g. {@code /subscribe binance BTC/USDT 30m,1h,4h}:
 * subscribes the chat it is written in to the default bot (timeframes default to the bot's). With no
 * arguments, a button wizard: exchange, then pair, then timeframes. Every input is checked against the
 * exchange (pair listed, timeframes served) before anything is stored.
 */
@Component
class SubscribeCommand implements ChatCommand {

    private static final List<String> POPULAR_PAIRS = List.of("BTC/USDT", "ETH/USDT", "SOL/USDT", "BNB/USDT", "XRP/USDT", "DOGE/USDT");
    private static final List<String> TIMEFRAME_PRESETS = List.of("15m,1h,4h", "1h,4h,1d", "4h,1d");
    private static final char SEP = '|';

    private final SubscriptionBook book;
    private final MarketInputs markets;
    private final ChatDestinations destinations;
    private final ChatTexts texts;
    private final String defaultBot;
    private final FirstAnalysis firstAnalysis;

    SubscribeCommand(SubscriptionBook book, MarketInputs markets, ChatDestinations destinations, ChatTexts texts,
                     @Value("${signaldesk.subscriptions.default-bot}") String defaultBot, FirstAnalysis firstAnalysis) {
        this.book = book;
        this.markets = markets;
        this.destinations = destinations;
        this.texts = texts;
        this.defaultBot = defaultBot;
        this.firstAnalysis = firstAnalysis;
    }

    @Override
    public String name() {
        return "subscribe";
    }

    @Override
    public List<Reply> handle(CommandRequest request) {
        Locale locale = request.locale();
        List<String> words = Arrays.stream(request.arguments().split("\\s+")).filter(word -> !word.isBlank()).toList();
        if (words.isEmpty()) {
            return List.of(new Reply.Text(texts.get(locale, "subscribe.choose-exchange"), exchangeButtons(request)));
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
        return Reply.text(subscribe(request, exchangeId, symbol, words.size() == 3 ? words.get(2) : null));
    }

    @Override
    public List<Reply> press(CommandRequest request, String payload) {
        List<String> parts = Arrays.asList(payload.split("\\" + SEP));
        ExchangeId exchange = ExchangeId.parse(parts.get(1)).orElseThrow();
        Locale locale = request.locale();
        return switch (parts.getFirst()) {
            case "x" -> List.of(new Reply.Edit(texts.get(locale, "subscribe.choose-pair", exchange.displayName()), pairButtons(request, exchange)));
            case "p" -> List.of(new Reply.Edit(texts.get(locale, "subscribe.choose-timeframes", exchange.displayName(), parts.get(2)),
                    timeframeButtons(request, exchange, parts.get(2))));
            case "t" -> List.of(new Reply.Edit(subscribe(request, exchange, Symbol.parse(parts.get(2)), parts.get(3)), List.of()));
            default -> throw new IllegalArgumentException("unknown subscribe step " + payload);
        };
    }

    /** Subscribes the chat; {@code timeframes} null means the bot's defaults. Returns the answer. */
    private String subscribe(CommandRequest request, ExchangeId exchange, Symbol pair, String timeframes) {
        Locale locale = request.locale();
        SubscriptionBook.Template bot = book.template(defaultBot)
                .orElseThrow(() -> new IllegalStateException("the default bot " + defaultBot + " is not an active bot template"));
        var checked = markets.timeframes(exchange, timeframes == null ? String.join(",", bot.defaultTimeframes()) : timeframes);
        if (checked instanceof InputCheck.Rejected<List<Timeframe>> rejected) {
            return texts.get(locale, "subscribe.rejected", rejected.message());
        }
        List<Timeframe> chosen = ((InputCheck.Accepted<List<Timeframe>>) checked).value();
        long destination = destinations.of(request.conversation()).id();
        String codes = String.join(",", chosen.stream().map(Timeframe::code).toList());
        return switch (book.create(request.user().id(), destination, bot, exchange, pair, chosen)) {
            case SubscriptionBook.Created.New created -> texts.get(locale, "subscribe.done", bot.name(), exchange.displayName(), pair, codes)
                    + "\n" + firstAnalysis.start(locale, exchange, List.of(pair), chosen);
            case SubscriptionBook.Created.AlreadyThere already -> texts.get(locale, "subscribe.already", bot.name(), exchange.displayName(), pair);
        };
    }

    private List<List<Button>> exchangeButtons(CommandRequest request) {
        return Button.rows(Arrays.stream(ExchangeId.values())
                .map(exchange -> request.button(exchange.displayName(), "x" + SEP + exchange.id())).toList(), 2);
    }

    private List<List<Button>> pairButtons(CommandRequest request, ExchangeId exchange) {
        return Button.rows(POPULAR_PAIRS.stream()
                .map(pair -> markets.pair(exchange, pair))
                .<Symbol>mapMulti((check, accepted) -> {
                    if (check instanceof InputCheck.Accepted<Symbol>(Symbol symbol)) {
                        accepted.accept(symbol);
                    }
                })
                .distinct()
                .map(symbol -> request.button(symbol.toString(), "p" + SEP + exchange.id() + SEP + symbol))
                .toList(), 3);
    }

    private List<List<Button>> timeframeButtons(CommandRequest request, ExchangeId exchange, String pair) {
        List<String> presets = new ArrayList<>();
        book.template(defaultBot).ifPresent(bot -> presets.add(String.join(",", bot.defaultTimeframes())));
        TIMEFRAME_PRESETS.stream().filter(preset -> !presets.contains(preset)).forEach(presets::add);
        return Button.rows(presets.stream()
                .filter(preset -> markets.timeframes(exchange, preset) instanceof InputCheck.Accepted)
                .map(preset -> request.button(preset, "t" + SEP + exchange.id() + SEP + pair + SEP + preset))
                .toList(), 2);
    }

}
