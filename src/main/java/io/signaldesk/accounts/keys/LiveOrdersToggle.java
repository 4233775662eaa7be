package io.signaldesk.accounts.keys;

import io.signaldesk.accounts.store.ExchangeAccount;
import io.signaldesk.accounts.store.ExchangeAccounts;
import io.signaldesk.accounts.store.LiveOrderSwitches;
import io.signaldesk.accounts.trading.LiveBlock;
import io.signaldesk.accounts.trading.LiveOrdersCheck;
import io.signaldesk.chat.ChatButtons;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.CommandRequest;
import io.signaldesk.chat.Reply;
import io.signaldesk.market.ExchangeId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * {@code /keys live on|off <exchange>}. {@code on} is refused, saying why, when the service does not allow live orders,
 * when there is no key for that exchange, the exchange has no live orders, or the key cannot trade or was rejected;
 * otherwise it explains what it means (market orders for the rebalances the owner approves, on that account only) and
 * asks to confirm with a button for the owner only, valid {@link #CONFIRM_LIFETIME}, naming the account and key it showed
 * (a confirmation left from a key since replaced turns nothing on). The press checks everything again. {@code off} acts
 * at once. Who turned them on, in which chat and when is stored with the account.
 */
@Component
class LiveOrdersToggle {

    static final Duration CONFIRM_LIFETIME = Duration.ofMinutes(5);
    static final String TURN_ON = "live-on:";
    static final String CANCEL = "live-cancel";

    private final ExchangeAccounts accounts;
    private final LiveOrderSwitches switches;
    private final LiveOrdersCheck check;
    private final ChatButtons buttons;
    private final ChatTexts texts;
    private final Clock clock;

    LiveOrdersToggle(ExchangeAccounts accounts, LiveOrderSwitches switches, LiveOrdersCheck check, ChatButtons buttons,
                     ChatTexts texts, Clock clock) {
        this.accounts = accounts;
        this.switches = switches;
        this.check = check;
        this.buttons = buttons;
        this.texts = texts;
        this.clock = clock;
    }

    static boolean handles(String payload) {
        return payload.startsWith(TURN_ON) || payload.equals(CANCEL);
    }

    List<Reply> on(CommandRequest request, ExchangeId exchange) {
        Locale locale = request.locale();
        Optional<ExchangeAccount> account = keyed(request.user().id(), exchange);
        Optional<String> refusal = refusal(account, exchange, locale);
        if (refusal.isPresent()) {
            return Reply.text(refusal.get());
        }
        ExchangeAccount shown = account.get();
        if (switches.isOn(shown.id())) {
            return Reply.text(texts.get(locale, "keys.live.already-on", exchange.displayName(), exchange.id()));
        }
        OptionalLong owner = OptionalLong.of(request.user().id());
        return List.of(new Reply.Text(texts.get(locale, "keys.live.confirm", exchange.displayName(), shown.keyHint(),
                CONFIRM_LIFETIME.toMinutes(), exchange.id()),
                List.of(List.of(buttons.make(owner, request.command().name(), texts.get(locale, "keys.button.live-on"),
                                TURN_ON + shown.id() + ":" + shown.keyHint(), CONFIRM_LIFETIME),
                        buttons.make(owner, request.command().name(), texts.get(locale, "keys.button.live-cancel"), CANCEL,
                                CONFIRM_LIFETIME)))));
    }

    List<Reply> off(CommandRequest request, ExchangeId exchange) {
        Locale locale = request.locale();
        Optional<ExchangeAccount> account = keyed(request.user().id(), exchange);
        if (account.isEmpty()) {
            return Reply.text(texts.get(locale, "keys.live.no-key", exchange.displayName(), exchange.id()));
        }
        boolean wasOn = switches.turnOff(account.get().id(), request.user().id(), chat(request), clock.instant());
        return Reply.text(texts.get(locale, wasOn ? "keys.live.off.done" : "keys.live.off.already", exchange.displayName(), exchange.id()));
    }

    List<Reply> press(CommandRequest request, String payload) {
        Locale locale = request.locale();
        if (!payload.startsWith(TURN_ON)) {
            return edit(texts.get(locale, "keys.live.cancelled"));
        }
        String[] parts = payload.substring(TURN_ON.length()).split(":", 2);
        Optional<ExchangeAccount> account = accounts.findById(Long.parseLong(parts[0]))
                .filter(shown -> parts.length == 2 && parts[1].equals(shown.keyHint()))
                .filter(shown -> shown.userId() == request.user().id() && !shown.isPaper());
        if (account.isEmpty()) {
            return edit(texts.get(locale, "keys.live.gone"));
        }
        ExchangeId exchange = ExchangeId.parse(account.get().exchange()).orElseThrow();
        Optional<String> refusal = refusal(account, exchange, locale);
        if (refusal.isPresent()) {
            return edit(refusal.get());
        }
        boolean turned = switches.turnOn(account.get().id(), request.user().id(), chat(request), clock.instant());
        return edit(texts.get(locale, turned ? "keys.live.on.done" : "keys.live.already-on", exchange.displayName(), exchange.id()));
    }

    /** Why live orders cannot be turned on for this account, in the owner's words; empty: they can. */
    private Optional<String> refusal(Optional<ExchangeAccount> account, ExchangeId exchange, Locale locale) {
        if (account.isEmpty()) {
            return Optional.of(texts.get(locale, "keys.live.no-key", exchange.displayName(), exchange.id()));
        }
        Optional<LiveBlock> block = check.firstBlock(account, true);
        return block.map(found -> texts.get(locale, "keys.live.refused", exchange.displayName(),
                check.explain(found, exchange.id(), locale)));
    }

    private Optional<ExchangeAccount> keyed(long userId, ExchangeId exchange) {
        return accounts.findByUserIdAndExchange(userId, exchange.id()).filter(account -> !account.isPaper() && account.apiKey() != null);
    }

    private static String chat(CommandRequest request) {
        return request.conversation().platform().name() + ":" + request.conversation().chatId();
    }

    private static List<Reply> edit(String text) {
        return List.of(new Reply.Edit(text, List.of()));
    }
}
