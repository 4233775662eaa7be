package io.signaldesk.signals.commands;

import io.signaldesk.analysis.LlmUsage;
import io.signaldesk.chat.ChatCommand;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Reply;
import io.signaldesk.signals.TrackRecord;
import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.subscriptions.BotTemplates;
import io.signaldesk.subscriptions.BotValidation;
import io.signaldesk.subscriptions.MarketInUse;
import io.signaldesk.subscriptions.MarketsInUse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * {@code /bots}: the bots a chat can subscribe to, each with its code, analyst, default timeframes and
 * its track record over the last 30 days in one line (signals, win rate with the counts it rests on,
 * average R). Small numbers are said as they are: no closed signal yet is said so, never a 0 % or a
 * 100 % from one signal without its count.
 *
 * <p>Under each bot, its validation status on each market of the chat's live subscriptions (exchange and pair, as the
 * nightly validation last judged it, {@link BotValidation}): whether to subscribe to a bot, or keep it, is decided on
 * the markets one trades. A chat without subscriptions has no market to judge on, and gets no such lines.
 */
@Component
class BotsCommand implements ChatCommand {

    static final Duration PERIOD = Duration.ofDays(30);
    static final int MARKETS_SHOWN = 5;

    private final BotTemplates templates;
    private final TrackRecord record;
    private final LlmUsage llm;
    private final ChatTexts texts;
    private final Clock clock;
    private final ChatDestinations destinations;
    private final MarketsInUse markets;
    private final BotValidation validation;

    BotsCommand(BotTemplates templates, TrackRecord record, LlmUsage llm, ChatTexts texts, Clock clock, ChatDestinations destinations,
                MarketsInUse markets, BotValidation validation) {
        this.templates = templates;
        this.destinations = destinations;
        this.markets = markets;
        this.validation = validation;
        this.record = record;
        this.llm = llm;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "bots";
    }

    @Override
    public List<Reply> handle(CommandRequest request) {
        Locale locale = request.locale();
        List<BotTemplates.BotTemplate> bots = templates.active();
        if (bots.isEmpty()) {
            return Reply.text(texts.get(locale, "bots.none"));
        }
        boolean llmOff = llm.today().provider().equals("none");
        var text = new StringBuilder(texts.get(locale, "bots.title", PERIOD.toDays()));
        List<MarketInUse> chatMarkets = markets.ofChat(destinations.of(request.conversation()).id()).stream()
                .filter(distinctBy(market -> market.exchange() + " " + market.pair())).limit(MARKETS_SHOWN).toList();
        for (BotTemplates.BotTemplate bot : bots) {
            String analyst = !bot.analyst().equals("llm") ? texts.get(locale, "bots.analyst.technical")
                    : texts.get(locale, llmOff ? "bots.analyst.llm-off" : "bots.analyst.llm");
            String code = bot.code().equals(templates.defaultCode()) ? texts.get(locale, "bots.default", bot.code()) : bot.code();
            text.append('\n').append(texts.get(locale, "bots.bot", bot.name(), code, analyst, String.join(",", bot.defaultTimeframes())));
            text.append('\n').append(recordLine(locale, record.forBot(bot.id(), clock.instant().minus(PERIOD))));
            for (MarketInUse market : chatMarkets) {
                text.append('\n').append(texts.get(locale, "bots.validation", market.exchange().displayName() + " " + market.pair(),
                        validation.line(bot.code(), market.exchange(), market.pair()).in(locale)));
            }
        }
        text.append('\n').append(texts.get(locale, "bots.how", bots.getLast().code()));
        return Reply.text(text.toString());
    }

    private static <T> java.util.function.Predicate<T> distinctBy(java.util.function.Function<T, String> key) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return item -> seen.add(key.apply(item));
    }

    private String recordLine(Locale locale, TrackRecord.Summary summary) {
        int closed = summary.signals() - summary.open();
        if (closed == 0) {
            return texts.get(locale, "bots.record.none", summary.open());
        }
        String averageR = String.format(Locale.ROOT, "%.2f", summary.averageR());
        if (summary.winRate() == null) {
            return texts.get(locale, "bots.record.undecided", summary.signals(), summary.open(), averageR);
        }
        return texts.get(locale, "bots.record", summary.signals(), summary.open(), Math.round(summary.winRate() * 100),
                summary.wins(), summary.wins() + summary.losses(), averageR);
    }
}
