package io.signaldesk.accounts.trading;

import io.signaldesk.accounts.SpotTrading;
import io.signaldesk.accounts.exchange.ApiCredentials;
import io.signaldesk.accounts.store.ExchangeAccount;
import io.signaldesk.accounts.store.ExchangeAccounts;
import io.signaldesk.accounts.store.KeyVault;
import io.signaldesk.accounts.store.LiveOrderSwitches;
import io.signaldesk.chat.UserLocales;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Live spot orders for an exchange account, through its exchange's {@link SpotExchange} (Binance spot for now). Every
 * order is checked against {@link LiveOrdersCheck} first (a refused check sends nothing); the key is opened here for the
 * one call and never leaves the module, nor appears in a result. A lookup needs only the key: live orders turned off
 * since must not hide what became of an order already sent. Reasons are in the owner's language.
 */
@Component
class ExchangeSpotTrading implements SpotTrading {

    private final ExchangeAccounts accounts;
    private final KeyVault vault;
    private final LiveOrderSwitches switches;
    private final LiveOrdersCheck check;
    private final SpotExchanges exchanges;
    private final UserLocales locales;

    ExchangeSpotTrading(ExchangeAccounts accounts, KeyVault vault, LiveOrderSwitches switches, LiveOrdersCheck check,
                        SpotExchanges exchanges, UserLocales locales) {
        this.accounts = accounts;
        this.vault = vault;
        this.switches = switches;
        this.check = check;
        this.exchanges = exchanges;
        this.locales = locales;
    }

    @Override
    public LiveStatus liveStatus(long accountId) {
        Optional<ExchangeAccount> account = accounts.findById(accountId);
        return check.firstBlock(account, switches.isOn(accountId))
                .<LiveStatus>map(block -> new LiveStatus.Off(explain(block, account)))
                .orElseGet(LiveStatus.Allowed::new);
    }

    @Override
    public Optional<SpotLot> lot(long accountId, Symbol pair) {
        return accounts.findById(accountId).flatMap(this::exchangeOf).flatMap(exchange -> exchange.lot(pair));
    }

    @Override
    public SpotOrderResult marketOrder(long accountId, SpotOrder order) {
        if (liveStatus(accountId) instanceof LiveStatus.Off off) {
            return new SpotOrderResult.Rejected(off.reason());
        }
        ExchangeAccount account = accounts.findById(accountId).orElseThrow();
        SpotExchange exchange = exchangeOf(account).orElseThrow();
        Optional<ApiCredentials> key = open(account);
        if (key.isEmpty()) {
            return new SpotOrderResult.Rejected("the account's key could not be opened: the order was not sent");
        }
        return exchange.marketOrder(key.get(), order);
    }

    @Override
    public SpotOrderResult lookup(long accountId, Symbol pair, String clientOrderId) {
        Optional<ExchangeAccount> account = accounts.findById(accountId).filter(found -> !found.isPaper() && found.apiKey() != null);
        Optional<SpotExchange> exchange = account.flatMap(this::exchangeOf);
        if (exchange.isEmpty()) {
            return new SpotOrderResult.Unknown("the account has no key on an exchange with live orders any more: its orders cannot be looked up");
        }
        Optional<ApiCredentials> key = open(account.get());
        if (key.isEmpty()) {
            return new SpotOrderResult.Unknown("the account's key could not be opened: the order cannot be looked up");
        }
        return exchange.get().lookup(key.get(), pair, clientOrderId);
    }

    private Optional<SpotExchange> exchangeOf(ExchangeAccount account) {
        return ExchangeId.parse(account.exchange()).flatMap(exchanges::find);
    }

    private Optional<ApiCredentials> open(ExchangeAccount account) {
        try {
            return Optional.of(vault.open(account));
        } catch (RuntimeException unreadable) {
            // its message is not known to be free of secrets: never kept
            return Optional.empty();
        }
    }

    private String explain(LiveBlock block, Optional<ExchangeAccount> account) {
        Locale locale = account.map(found -> locales.of(found.userId())).orElse(Locale.ENGLISH);
        return check.explain(block, account.map(ExchangeAccount::exchange).orElse("?"), locale);
    }
}
