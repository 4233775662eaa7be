package io.signaldesk.backtest.run;

import io.signaldesk.chat.LocalizedText;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.InputCheck;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.SyncCapacity;
import io.signaldesk.market.Timeframe;
import io.signaldesk.subscriptions.BotTemplates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * What {@code /backtest <exchange> <pair> [timeframes] [days] [bot]} asks, checked before anything is queued:
 * the exchange and pair as {@code /subscribe} and {@code /analyze} check them ({@link MarketInputs}), the timeframes
 * against the exchange's (default: the bot's), the days from 1 to {@code SIGNALDESK_BACKTEST_MAX_DAYS} (default 180), the bot an active template (typed {@code bot=code} as Discord sends it, or its bare
 * code; default the default bot). The optional words may come in any order. The span ends at the last close of the
 * base (smallest) timeframe. The base must be one a subscription may take ({@link SyncCapacity#keepsUpWith}: a
 * backtest on 1m says nothing about signals that cannot run on 1m), and the span may hold at most
 * {@code SIGNALDESK_BACKTEST_MAX_CANDLES} base candles (a run holds them all in memory, twice, and fetches them page by
 * page): a bigger one is refused with the longest span and the finest base that would fit. Whether the exchange has
 * history that far back is the engine's to say when it runs.
 */
@Component
class BacktestAsk {

    private static final String BOT_PREFIX = "bot=";
    /** A whole number of days; not "90d", which would read "1d" (a timeframe) as one day. */
    private static final Pattern DAYS = Pattern.compile("[+-]?\\d{1,9}");

    /** The request understood, or why not. */
    sealed interface Checked {
        record Accepted(ExchangeId exchange, Symbol pair, List<Timeframe> timeframes, int days, String bot, Instant from, Instant to)
                implements Checked {
        }

        record Refused(LocalizedText answer) implements Checked {
        }
    }

    private final MarketInputs markets;
    private final BotTemplates templates;
    private final BacktestRunProperties properties;
    private final SyncCapacity capacity;
    private final Clock clock;

    BacktestAsk(MarketInputs markets, BotTemplates templates, BacktestRunProperties properties, SyncCapacity capacity, Clock clock) {
        this.markets = markets;
        this.templates = templates;
        this.properties = properties;
        this.capacity = capacity;
        this.clock = clock;
    }

    Checked check(String arguments) {
        List<String> words = Arrays.stream(arguments.split("\\s+")).filter(word -> !word.isBlank()).toList();
        if (words.size() < 2 || words.size() > 5) {
            return refused(RunTexts.usage(properties.maxDays(), properties.defaultDays()));
        }
        String botWord = null;
        String daysWord = null;
        String timeframesWord = null;
        for (String word : words.subList(2, words.size())) {
            String lower = word.toLowerCase(Locale.ROOT);
            boolean bot = lower.startsWith(BOT_PREFIX) || templates.find(word).isPresent();
            boolean days = !bot && DAYS.matcher(word).matches();
            if ((bot && botWord != null) || (days && daysWord != null) || (!bot && !days && timeframesWord != null)) {
                return refused(RunTexts.tooManyWords());
            }
            if (bot) {
                botWord = lower.startsWith(BOT_PREFIX) ? word.substring(BOT_PREFIX.length()) : word;
            } else if (days) {
                daysWord = word;
            } else {
                timeframesWord = word;
            }
        }
        String botCode = botWord == null ? templates.defaultCode() : botWord;
        var bot = templates.find(botCode);
        if (bot.isEmpty()) {
            List<String> known = new ArrayList<>(templates.active().stream().map(BotTemplates.BotTemplate::code).toList());
            return refused(RunTexts.unknownBot(botCode.length() > 32 ? botCode.substring(0, 32) + "…" : botCode, String.join(", ", known)));
        }
        int days = properties.defaultDays();
        if (daysWord != null) {
            String digits = daysWord.startsWith("+") ? daysWord.substring(1) : daysWord;
            long parsed = Long.parseLong(digits);
            if (parsed < 1 || parsed > properties.maxDays()) {
                return refused(RunTexts.days(digits, properties.maxDays()));
            }
            days = (int) parsed;
        }
        var exchange = markets.exchange(words.get(0));
        if (exchange instanceof InputCheck.Rejected<ExchangeId> rejected) {
            return refused(RunTexts.notStarted(rejected.message()));
        }
        ExchangeId exchangeId = ((InputCheck.Accepted<ExchangeId>) exchange).value();
        var pair = markets.pair(exchangeId, words.get(1));
        if (pair instanceof InputCheck.Rejected<Symbol> rejected) {
            return refused(RunTexts.notStarted(rejected.message()));
        }
        var timeframes = markets.timeframes(exchangeId, timeframesWord != null ? timeframesWord : String.join(",", bot.get().defaultTimeframes()));
        if (timeframes instanceof InputCheck.Rejected<List<Timeframe>> rejected) {
            return refused(RunTexts.notStarted(rejected.message()));
        }
        List<Timeframe> chosen = ((InputCheck.Accepted<List<Timeframe>>) timeframes).value();
        Timeframe base = chosen.getFirst();
        if (!capacity.keepsUpWith(base)) {
            return refused(RunTexts.baseTooShort(base.code(), capacity.syncPeriod().toMinutes(), capacity.smallestBase().code()));
        }
        int span = days;
        long candles = candles(span, base);
        if (candles > properties.maxCandles()) {
            long fittingDays = properties.maxCandles() / candles(1, base);
            String fittingBase = Arrays.stream(Timeframe.values()).filter(timeframe -> candles(span, timeframe) <= properties.maxCandles())
                    .findFirst().map(Timeframe::code).orElse(null);
            return refused(RunTexts.tooManyCandles(days, base.code(), candles, properties.maxCandles(), fittingDays, fittingBase));
        }
        Instant to = chosen.getFirst().openOf(clock.instant());
        return new Checked.Accepted(exchangeId, ((InputCheck.Accepted<Symbol>) pair).value(), chosen, days, bot.get().code(),
                to.minus(Duration.ofDays(days)), to);
    }

    /** Base candles in {@code days} days. */
    private static long candles(int days, Timeframe base) {
        return days * Duration.ofDays(1).toSeconds() / base.duration().toSeconds();
    }

    private static Checked refused(LocalizedText answer) {
        return new Checked.Refused(answer);
    }
}
