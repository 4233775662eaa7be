package io.signaldesk.accounts.balances;

import io.signaldesk.accounts.store.ExchangeAccount;
import io.signaldesk.accounts.store.ExchangeAccounts;
import io.signaldesk.market.ExchangeId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One balance sync ({@code account.sync-balances}): every account that is not INVALID gets one snapshot stamped with
 * the sync's start, so the accounts of one sync line up in the history. Each asset is priced once per exchange per
 * sync. One account's failure never stops the others: anything unexpected is logged (the account and the error's
 * class and message, which never hold a key) and the sync goes on.
 */
@Component
class SyncBalances {

    private static final Logger log = LoggerFactory.getLogger(SyncBalances.class);

    private final ExchangeAccounts accounts;
    private final AccountSync sync;
    private final AssetPrices prices;
    private final Clock clock;

    SyncBalances(ExchangeAccounts accounts, AccountSync sync, AssetPrices prices, Clock clock) {
        this.accounts = accounts;
        this.sync = sync;
        this.prices = prices;
        this.clock = clock;
    }

    /** Returns the accounts that got a snapshot (fresh or stale). */
    int execute() {
        Instant now = clock.instant();
        Map<String, Optional<BigDecimal>> priced = new HashMap<>();
        int synced = 0;
        for (ExchangeAccount account : accounts.findAllInOrder()) {
            if (account.status() == ExchangeAccount.Status.INVALID) {
                continue;
            }
            try {
                if (sync.sync(account, now, (exchange, asset) -> priced.computeIfAbsent(exchange.id() + ":" + asset, key -> price(exchange, asset)))) {
                    synced++;
                }
            } catch (RuntimeException e) {
                log.warn("Balance sync of {} failed: {}", account, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        return synced;
    }

    private Optional<BigDecimal> price(ExchangeId exchange, String asset) {
        try {
            return prices.usdt(exchange, asset);
        } catch (RuntimeException e) {
            log.debug("No USDT price for {} on {}: {}", asset, exchange.id(), e.toString());
            return Optional.empty();
        }
    }
}
