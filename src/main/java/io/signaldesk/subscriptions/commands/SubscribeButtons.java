package io.signaldesk.subscriptions.commands;

import static io.signaldesk.subscriptions.commands.SubscribeCommand.SEP;

import io.signaldesk.chat.Button;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.InputCheck;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.SyncCapacity;
import io.signaldesk.market.Timeframe;
import io.signaldesk.subscriptions.BotTemplates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The buttons of the {@code /subscribe} wizard, each carrying the choices made so far in its payload
 * (see {@link SubscribeCommand#press}): bots, exchanges, popular pairs the exchange lists, and timeframe
 * sets the exchange serves whose smallest timeframe the sync keeps up with.
 */
@Component
class SubscribeButtons {

    private static final List<String> POPULAR_PAIRS = List.of("BTC/USDT", "ETH/USDT", "SOL/USDT", "BNB/USDT", "XRP/USDT", "DOGE/USDT");
    private static final List<String> TIMEFRAME_PRESETS = List.of("15m,1h,4h", "1h,4h,1d", "4h,1d");

    private final MarketInputs markets;
    private final BotTemplates templates;
    private final SyncCapacity capacity;

    SubscribeButtons(MarketInputs markets, BotTemplates templates, SyncCapacity capacity) {
        this.markets = markets;
        this.templates = templates;
        this.capacity = capacity;
    }

    List<List<Button>> bots(CommandRequest request) {
        return Button.rows(templates.active().stream()
                .map(bot -> request.button(bot.name(), "b" + SEP + bot.code())).toList(), 1);
    }

    List<List<Button>> exchanges(CommandRequest request, String bot) {
        return Button.rows(Arrays.stream(ExchangeId.values())
                .map(exchange -> request.button(exchange.displayName(), "x" + SEP + exchange.id() + SEP + bot)).toList(), 2);
    }

    List<List<Button>> pairs(CommandRequest request, ExchangeId exchange, String bot) {
        return Button.rows(POPULAR_PAIRS.stream()
                .map(pair -> markets.pair(exchange, pair))
                .<Symbol>mapMulti((check, accepted) -> {
                    if (check instanceof InputCheck.Accepted<Symbol>(Symbol symbol)) {
                        accepted.accept(symbol);
                    }
                })
                .distinct()
                .map(symbol -> request.button(symbol.toString(), "p" + SEP + exchange.id() + SEP + symbol + SEP + bot))
                .toList(), 3);
    }

    List<List<Button>> timeframes(CommandRequest request, ExchangeId exchange, String pair, String bot) {
        List<String> presets = new ArrayList<>();
        templates.find(bot).ifPresent(template -> presets.add(String.join(",", template.defaultTimeframes())));
        TIMEFRAME_PRESETS.stream().filter(preset -> !presets.contains(preset)).forEach(presets::add);
        return Button.rows(presets.stream()
                .filter(preset -> markets.timeframes(exchange, preset) instanceof InputCheck.Accepted)
                .filter(preset -> capacity.keepsUpWith(Arrays.stream(preset.split(",")).map(code -> Timeframe.parse(code).orElseThrow())
                        .min(Comparator.comparing(Timeframe::duration)).orElseThrow()))
                .map(preset -> request.button(preset, "t" + SEP + exchange.id() + SEP + pair + SEP + preset + SEP + bot))
                .toList(), 2);
    }
}
