package io.signaldesk.accounts.keys;

import io.signaldesk.accounts.exchange.AccountExchange;
import io.signaldesk.accounts.exchange.AccountFailure;
import io.signaldesk.accounts.exchange.ApiCredentials;
import io.signaldesk.accounts.exchange.KeyPermissions;
import io.signaldesk.accounts.exchange.KeyPermissions.Access;
import io.signaldesk.accounts.store.ExchangeAccount;
import io.signaldesk.accounts.store.ExchangeAccounts;
import io.signaldesk.accounts.store.KeyVault;
import io.signaldesk.accounts.store.LiveOrderSwitches;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Connects a key: verified first with one read call on its exchange (which also reads its permissions), refused
 * without a trace when it cannot be verified or can withdraw, otherwise stored sealed in the user's account for that
 * exchange (replacing an earlier key there). Nothing is stored before the exchange has said yes.
 */
@Component
class ConnectKey {

    /** How it went; every refusal stores nothing. */
    sealed interface Outcome {
        record Connected(ExchangeAccount account, KeyPermissions permissions, boolean replaced) implements Outcome {
        }

        record CanWithdraw(KeyPermissions permissions) implements Outcome {
        }

        record Rejected(String reason) implements Outcome {
        }

        record Unreachable(String reason) implements Outcome {
        }
    }

    private final ExchangeAccounts accounts;
    private final KeyVault vault;
    private final LiveOrderSwitches live;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ConnectKey(ExchangeAccounts accounts, KeyVault vault, LiveOrderSwitches live, TransactionTemplate transactions, Clock clock) {
        this.accounts = accounts;
        this.vault = vault;
        this.live = live;
        this.transactions = transactions;
        this.clock = clock;
    }

    Outcome connect(long userId, AccountExchange exchange, ApiCredentials credentials) {
        KeyPermissions permissions;
        try {
            permissions = exchange.verify(credentials);
        } catch (AccountFailure.KeyRejected rejected) {
            return new Outcome.Rejected(rejected.getMessage());
        } catch (AccountFailure failure) {
            return new Outcome.Unreachable(failure.getMessage());
        }
        if (permissions.withdraw() == Access.YES) {
            return new Outcome.CanWithdraw(permissions);
        }
        return transactions.execute(status -> store(userId, exchange, credentials, permissions));
    }

    /**
     * A first key makes the user's account for that exchange; a later one replaces the key in the same account (its
     * balance history kept), which also revives an account whose key the exchange had rejected. A replaced key is the
     * owner's own, even in an account that came with a {@code /link}: {@code /unlink} no longer gives that account away.
     * Live orders are turned off with a new key: the owner turned them on for the key they had.
     */
    private Outcome.Connected store(long userId, AccountExchange exchange, ApiCredentials credentials, KeyPermissions permissions) {
        var earlier = accounts.findByUserIdAndExchange(userId, exchange.exchange().id());
        ExchangeAccount.Permission permission = permissions.trade() == Access.YES ? ExchangeAccount.Permission.CAN_TRADE
                : permissions.trade() == Access.NO && permissions.withdraw() == Access.NO ? ExchangeAccount.Permission.READ_ONLY
                : ExchangeAccount.Permission.UNKNOWN;
        ExchangeAccount account = earlier.map(existing -> existing.withNewKey(credentials.hint(), permission, permissions.source()))
                .orElseGet(() -> accounts.save(ExchangeAccount.connected(userId, exchange.exchange().id(), credentials.hint(), permission,
                        permissions.source(), clock.instant())));
        ExchangeAccount saved = accounts.save(vault.seal(account, credentials));
        if (earlier.isPresent()) {
            accounts.forgetLinkOrigin(saved.id());
            live.resetForNewKey(saved.id(), clock.instant());
        }
        return new Outcome.Connected(saved, permissions, earlier.isPresent());
    }
}
