package io.signaldesk.positions.commands;

import io.signaldesk.accounts.AccountSummary;
import io.signaldesk.accounts.Accounts;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.InputCheck;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.Symbol;
import io.signaldesk.positions.book.OpenPosition;
import io.signaldesk.positions.book.Position;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What {@code /open [exchange] <pair> <side> <entry> [size] [stop_loss] [take_profit] [x<leverage>]} asks, checked
 * before anything is stored. The exchange (default SIGNALDESK_DEFAULT_EXCHANGE) and pair as {@code /subscribe} checks
 * them ({@link MarketInputs}); side long/short/buy/sell; positive prices and size ({@code -} leaves a place empty, as
 * Discord's options come in order); the stop below a long's entry and above a short's, the target the other way;
 * leverage {@code x10} (or {@code 10x}) anywhere, 1 to 125, default 1. Without a size, it risks
 * {@value #RISK_PERCENT}% of the paper equity down to the stop (equity × 1% ÷ |entry − stop|); without a stop either,
 * the answer asks for one. Every refusal ends with an example.
 */
@Component
class OpenAsk {

    static final int RISK_PERCENT = 1;
    static final BigDecimal MAX_LEVERAGE = BigDecimal.valueOf(125);
    private static final Pattern LEVERAGE = Pattern.compile("(?i)x(\\S+)|(\\d\\S*)x");
    private static final String EMPTY = "-";

    sealed interface Checked {
        /** @param risked what the derived size risks down to the stop, USDT; null when the size was given */
        record Accepted(OpenPosition.Ask ask, BigDecimal risked) implements Checked {
        }

        record Refused(String answer) implements Checked {
        }
    }

    private final MarketInputs markets;
    private final Accounts accounts;
    private final ChatTexts texts;
    private final ExchangeId defaultExchange;

    OpenAsk(MarketInputs markets, Accounts accounts, ChatTexts texts, @Value("${signaldesk.market.default-exchange:sim}") String defaultExchange) {
        this.markets = markets;
        this.accounts = accounts;
        this.texts = texts;
        this.defaultExchange = ExchangeId.parse(defaultExchange).orElse(ExchangeId.SIM);
    }

    Checked check(long userId, Locale locale, String arguments) {
        String example = texts.get(locale, "open.example");
        List<String> words = new ArrayList<>(Arrays.stream(arguments.split("\\s+")).filter(word -> !word.isBlank()).toList());
        ExchangeId exchange = defaultExchange;
        if (!words.isEmpty() && ExchangeId.parse(words.getFirst()).isPresent()) {
            exchange = ExchangeId.parse(words.removeFirst()).orElseThrow();
        }
        List<String> leverages = words.stream().skip(Math.min(3, words.size())).filter(word -> LEVERAGE.matcher(word).matches()).toList();
        words.removeAll(leverages);
        if (words.size() < 3 || words.size() > 6 || leverages.size() > 1) {
            return refused(texts.get(locale, "open.usage", example));
        }
        var pair = markets.pair(exchange, words.get(0));
        if (pair instanceof InputCheck.Rejected<Symbol> rejected) {
            return refused(texts.get(locale, "open.pair", rejected.message(), example));
        }
        Symbol symbol = ((InputCheck.Accepted<Symbol>) pair).value();
        Optional<Position.Side> side = side(words.get(1));
        if (side.isEmpty()) {
            return refused(texts.get(locale, "open.side", words.get(1), example));
        }
        List<String> fields = List.of("entry", "size", "stop", "target");
        BigDecimal[] values = new BigDecimal[4];
        for (int i = 0; i < fields.size() && i + 2 < words.size(); i++) {
            String word = words.get(i + 2);
            if (i > 0 && word.equals(EMPTY)) {
                continue;
            }
            Optional<BigDecimal> value = positive(word);
            if (value.isEmpty()) {
                return refused(texts.get(locale, "open.number", texts.get(locale, "open.field." + fields.get(i)), word, example));
            }
            values[i] = value.get();
        }
        BigDecimal entry = values[0];
        BigDecimal stop = values[2];
        BigDecimal target = values[3];
        int sign = side.get().sign();
        if (stop != null && stop.subtract(entry).signum() != -sign) {
            return refused(texts.get(locale, "open.stop." + side.get().name(), PositionNumbers.amount(locale, entry),
                    PositionNumbers.amount(locale, stop), example));
        }
        if (target != null && target.subtract(entry).signum() != sign) {
            return refused(texts.get(locale, "open.target." + side.get().name(), PositionNumbers.amount(locale, entry),
                    PositionNumbers.amount(locale, target), example));
        }
        BigDecimal leverage = BigDecimal.ONE;
        if (!leverages.isEmpty()) {
            var matcher = LEVERAGE.matcher(leverages.getFirst());
            matcher.matches();
            Optional<BigDecimal> typed = positive(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
            if (typed.isEmpty() || typed.get().compareTo(BigDecimal.ONE) < 0 || typed.get().compareTo(MAX_LEVERAGE) > 0
                    || typed.get().scale() > 2) {
                return refused(texts.get(locale, "open.leverage", leverages.getFirst(), example));
            }
            leverage = typed.get();
        }
        AccountSummary paper = accounts.paperAccountOf(userId);
        BigDecimal size = values[1];
        BigDecimal risked = null;
        if (size == null) {
            if (stop == null) {
                return refused(texts.get(locale, "open.size-needed", example));
            }
            if (paper.equityUsdt() == null || paper.equityUsdt().signum() <= 0) {
                return refused(texts.get(locale, "open.no-equity", example));
            }
            risked = paper.equityUsdt().multiply(BigDecimal.valueOf(RISK_PERCENT)).divide(BigDecimal.valueOf(100), 8, RoundingMode.HALF_EVEN);
            size = risked.divide(entry.subtract(stop).abs(), 8, RoundingMode.DOWN).stripTrailingZeros();
            if (size.signum() <= 0) {
                return refused(texts.get(locale, "open.size-too-small", PositionNumbers.plainMoney(locale, risked), example));
            }
        }
        return new Checked.Accepted(new OpenPosition.Ask(userId, paper.id(), exchange.id(), symbol.toString(), side.get(), entry, size, leverage,
                stop, target, Position.Source.MANUAL), risked);
    }

    /** A positive number typed with a dot for decimals, at most 12 decimals (what the table keeps); empty otherwise. */
    static Optional<BigDecimal> positive(String word) {
        try {
            BigDecimal value = new BigDecimal(word);
            return value.signum() > 0 && value.stripTrailingZeros().scale() <= 12 && value.precision() - value.scale() <= 26
                    ? Optional.of(value.stripTrailingZeros()) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static Optional<Position.Side> side(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "long", "buy" -> Optional.of(Position.Side.LONG);
            case "short", "sell" -> Optional.of(Position.Side.SHORT);
            default -> Optional.empty();
        };
    }

    private static Checked refused(String answer) {
        return new Checked.Refused(answer);
    }
}
