package io.signaldesk.subscriptions.commands;

import io.signaldesk.chat.OptionType;
import io.signaldesk.chat.OptionValues;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.subscriptions.BotTemplates;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The market's option values for chat platforms that show them: every exchange, timeframe and bot
 * template as a choice, and suggestions: common timeframe sets, and pairs from the chosen exchange's listing (the
 * simulated exchange's when none is chosen yet).
 */
@Component
class MarketOptionValues implements OptionValues {

    private static final List<String> TIMEFRAME_SETS = List.of("30m,1h,4h", "15m,1h,4h", "1h,4h,1d", "4h,1d", "5m,15m,1h");

    private final MarketInputs markets;
    private final BotTemplates templates;

    MarketOptionValues(MarketInputs markets, BotTemplates templates) {
        this.markets = markets;
        this.templates = templates;
    }

    @Override
    public List<String> choices(OptionType type) {
        return switch (type) {
            case EXCHANGE -> Arrays.stream(ExchangeId.values()).map(ExchangeId::id).toList();
            case TIMEFRAME -> Arrays.stream(Timeframe.values()).map(Timeframe::code).toList();
            case BOT -> templates.active().stream().map(BotTemplates.BotTemplate::code).toList();
            default -> List.of();
        };
    }

    @Override
    public List<String> suggest(OptionType type, String typed, Map<String, String> others, int limit) {
        String wanted = typed == null ? "" : typed.strip();
        if (type == OptionType.TIMEFRAMES) {
            return TIMEFRAME_SETS.stream().filter(set -> set.startsWith(wanted)).limit(limit).toList();
        }
        if (type != OptionType.PAIR) {
            return List.of();
        }
        ExchangeId exchange = ExchangeId.parse(others.getOrDefault("exchange", "")).orElse(ExchangeId.SIM);
        return markets.pairsStartingWith(exchange, typed, limit).stream().map(Symbol::toString).toList();
    }
}
