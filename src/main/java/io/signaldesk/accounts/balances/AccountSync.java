package io.signaldesk.accounts.balances;

import io.signaldesk.accounts.exchange.AccountExchange;
import io.signaldesk.accounts.exchange.AccountExchanges;
import io.signaldesk.accounts.exchange.AccountFailure;
import io.signaldesk.accounts.exchange.ApiCredentials;
import io.signaldesk.accounts.store.ExchangeAccount;
import io.signaldesk.accounts.store.ExchangeAccounts;
import io.signaldesk.accounts.store.KeyVault;
import io.signaldesk.market.ExchangeId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Syncs one account: a paper account's equity as it stands; an exchange account's balances read with its key (opened
 * for the call only), priced and stored. An exchange that cannot answer now (down, rate-limited, an answer it does not
 * document) gives a stale row with the reason; a rejected key makes the account invalid ({@link KeyRejections}).
 */
@Component
class AccountSync {

    private static final Logger log = LoggerFactory.getLogger(AccountSync.class);

    private static final int MAX_REASON = 300;

    private final KeyVault vault;
    private final AccountExchanges exchanges;
    private final BalanceSnapshots snapshots;
    private final ExchangeAccounts accounts;
    private final KeyRejections rejections;
    private final TransactionTemplate transactions;

    AccountSync(KeyVault vault, AccountExchanges exchanges, BalanceSnapshots snapshots, ExchangeAccounts accounts, KeyRejections rejections,
                TransactionTemplate transactions) {
        this.transactions = transactions;
        this.vault = vault;
        this.exchanges = exchanges;
        this.snapshots = snapshots;
        this.accounts = accounts;
        this.rejections = rejections;
    }

    /** Syncs the account at {@code now}, pricing with {@code prices}; whether a snapshot was written. */
    boolean sync(ExchangeAccount account, Instant now, BiFunction<ExchangeId, String, Optional<BigDecimal>> prices) {
        if (account.isPaper()) {
            BigDecimal equity = account.paperEquity();
            record(account, new BalanceSnapshot(account.id(), now, false, null, equity,
                    List.of(new Holding("PAPER", "USDT", equity, BigDecimal.ONE, equity))), now);
            return true;
        }
        Optional<ExchangeId> exchange = ExchangeId.parse(account.exchange());
        Optional<AccountExchange> adapter = exchange.flatMap(exchanges::find);
        if (adapter.isEmpty()) {
            stale(account, now, "SignalDesk cannot read " + account.exchange() + " accounts yet");
            return true;
        }
        ApiCredentials credentials;
        try {
            credentials = vault.open(account);
        } catch (IllegalStateException | IllegalArgumentException unopened) {
            stale(account, now, "its stored key cannot be opened here (is SIGNALDESK_SECRETS_KEY the one it was stored under?)");
            return true;
        }
        try {
            Valuation valued = Valuation.of(adapter.get().balances(credentials), asset -> prices.apply(exchange.get(), asset));
            record(account, new BalanceSnapshot(account.id(), now, false, null, valued.equityUsdt(), valued.holdings()), now);
            return true;
        } catch (AccountFailure.KeyRejected rejected) {
            rejections.reject(account, scrubbed(rejected.getMessage(), credentials), now);
            return false;
        } catch (AccountFailure failure) {
            stale(account, now, scrubbed(failure.getMessage(), credentials));
            return true;
        } catch (RuntimeException unexpected) {
            // not an exchange's answer (a bug, an adapter's surprise): stale with no message, which could hold anything
            log.warn("Account {}: its balances could not be read ({})", account.id(), unexpected.getClass().getSimpleName());
            stale(account, now, "an unexpected error while reading it (" + unexpected.getClass().getSimpleName() + ")");
            return true;
        }
    }

    private void stale(ExchangeAccount account, Instant now, String reason) {
        record(account, new BalanceSnapshot(account.id(), now, true, reason, null, List.of()), now);
    }

    /**
     * The snapshot and the account's sync time together: if the account changed meanwhile (its key replaced or removed),
     * the optimistic lock fails and the snapshot, read with the old key, is not kept either.
     */
    private void record(ExchangeAccount account, BalanceSnapshot snapshot, Instant now) {
        transactions.executeWithoutResult(status -> {
            snapshots.add(snapshot);
            accounts.save(account.synced(now, !snapshot.stale()));
        });
    }

    /**
     * The failure's message fit to store and show: adapters promise never to put a key, secret or passphrase into one;
     * this makes sure (each is blanked out if it appears), folds it onto one line and caps its length.
     */
    static String scrubbed(String message, ApiCredentials credentials) {
        String text = message == null || message.isBlank() ? "no reason given" : message;
        for (String part : new String[] {credentials.key(), credentials.secret(), credentials.passphrase().orElse(null)}) {
            if (part != null && part.length() >= 4) {
                text = text.replace(part, "[hidden]");
            }
        }
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 1) + "…";
    }
}
