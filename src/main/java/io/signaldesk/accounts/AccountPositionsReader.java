package io.signaldesk.accounts;

import io.signaldesk.accounts.exchange.AccountExchange;
import io.signaldesk.accounts.exchange.AccountExchanges;
import io.signaldesk.accounts.exchange.AccountFailure;
import io.signaldesk.accounts.exchange.ExchangePosition;
import io.signaldesk.accounts.store.ExchangeAccount;
import io.signaldesk.accounts.store.ExchangeAccounts;
import io.signaldesk.accounts.store.KeyVault;
import io.signaldesk.market.ExchangeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The open futures positions of every ACTIVE exchange account with a key, for the positions sync. The key is opened
 * here, for the one call, and never leaves the accounts module: the others get positions or a failure's reason (which
 * never holds a key). Accounts on an exchange whose adapter reads no positions (Kraken, HTX: spot only) and paper
 * accounts are left out; an INVALID account too (its key was rejected: the balance sync tells its owner).
 */
@Component
public class AccountPositionsReader {

    private final ExchangeAccounts accounts;
    private final KeyVault vault;
    private final AccountExchanges exchanges;

    AccountPositionsReader(ExchangeAccounts accounts, KeyVault vault, AccountExchanges exchanges) {
        this.accounts = accounts;
        this.vault = vault;
        this.exchanges = exchanges;
    }

    /** One entry per account read, in account order; one account's failure never stops the others. */
    public List<AccountPositions> readAll() {
        List<AccountPositions> all = new ArrayList<>();
        for (ExchangeAccount account : accounts.findAllInOrder()) {
            if (account.isPaper() || account.apiKey() == null || account.status() != ExchangeAccount.Status.ACTIVE) {
                continue;
            }
            Optional<ExchangeId> id = ExchangeId.parse(account.exchange());
            Optional<AccountExchange> exchange = id.flatMap(exchanges::find).filter(AccountExchange::offersPositions);
            if (exchange.isEmpty()) {
                continue;
            }
            all.add(read(account, id.get(), exchange.get()));
        }
        return all;
    }

    private AccountPositions read(ExchangeAccount account, ExchangeId id, AccountExchange exchange) {
        try {
            List<HeldPosition> held = exchange.positions(vault.open(account)).stream().map(AccountPositionsReader::held).toList();
            return new AccountPositions.Read(account.id(), account.userId(), id, held);
        } catch (AccountFailure failure) {
            return new AccountPositions.Failed(account.id(), account.userId(), id,
                    failure.getClass().getSimpleName() + ": " + failure.getMessage());
        } catch (RuntimeException unexpected) {
            // the message of an unexpected error (e.g. the key not opening) is not known to be free of secrets
            return new AccountPositions.Failed(account.id(), account.userId(), id, unexpected.getClass().getSimpleName());
        }
    }

    private static HeldPosition held(ExchangePosition position) {
        return new HeldPosition(position.pair().toString(), HeldPosition.Side.valueOf(position.side().name()), position.size(),
                position.entry(), position.mark(), position.leverage(), position.unrealizedPnl(), position.updatedAt());
    }
}
