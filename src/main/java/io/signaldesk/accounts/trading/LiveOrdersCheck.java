package io.signaldesk.accounts.trading;

import io.signaldesk.accounts.store.ExchangeAccount;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.market.ExchangeId;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whether an account may have live orders: an exchange account with a key, on an exchange with a live spot adapter,
 * the service allowing them ({@code SIGNALDESK_LIVE_TRADING=true}), its owner having turned them on, its key able to
 * trade and still accepted by the exchange. The first {@link LiveBlock} that applies, in that order.
 */
@Component
public class LiveOrdersCheck {

    private final LiveTradingProperties properties;
    private final SpotExchanges exchanges;
    private final ChatTexts texts;

    LiveOrdersCheck(LiveTradingProperties properties, SpotExchanges exchanges, ChatTexts texts) {
        this.properties = properties;
        this.exchanges = exchanges;
        this.texts = texts;
    }

    /**
     * The first reason live orders cannot be sent for this account now; empty: they may.
     *
     * @param ownerTurnedOn whether its owner turned them on (true to ask whether they could be turned on)
     */
    public Optional<LiveBlock> firstBlock(Optional<ExchangeAccount> found, boolean ownerTurnedOn) {
        if (found.isEmpty()) {
            return Optional.of(LiveBlock.NO_ACCOUNT);
        }
        ExchangeAccount account = found.get();
        if (account.isPaper() || account.apiKey() == null) {
            return Optional.of(LiveBlock.PAPER);
        }
        if (ExchangeId.parse(account.exchange()).flatMap(exchanges::find).isEmpty()) {
            return Optional.of(LiveBlock.NOT_SUPPORTED);
        }
        if (!properties.enabled()) {
            return Optional.of(LiveBlock.SERVICE_OFF);
        }
        if (!ownerTurnedOn) {
            return Optional.of(LiveBlock.OWNER_OFF);
        }
        if (account.permission() != ExchangeAccount.Permission.CAN_TRADE) {
            return Optional.of(LiveBlock.KEY_CANNOT_TRADE);
        }
        if (account.status() != ExchangeAccount.Status.ACTIVE) {
            return Optional.of(LiveBlock.KEY_REJECTED);
        }
        return Optional.empty();
    }

    /** The owner's explanation of {@code block} for an account on {@code exchange} (its id, e.g. binance). */
    public String explain(LiveBlock block, String exchange, Locale locale) {
        return texts.get(locale, block.messageKey(), ExchangeId.displayNameOf(exchange), exchange);
    }
}
