package io.signaldesk.accounts.balances;

import io.signaldesk.accounts.AccountKeyRejected;
import io.signaldesk.accounts.store.ExchangeAccount;
import io.signaldesk.accounts.store.ExchangeAccounts;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An exchange rejected an account's key during a sync: in one transaction the account becomes INVALID, its owner is
 * told ({@link AccountKeyRejected}, which the notifications module turns into a notice) and that is noted
 * ({@code owner_told_at}). Later syncs skip the account, so the owner hears it once, not every 15 minutes.
 */
@Component
class KeyRejections {

    private final ExchangeAccounts accounts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    KeyRejections(ExchangeAccounts accounts, ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.accounts = accounts;
        this.events = events;
        this.transactions = transactions;
    }

    void reject(ExchangeAccount account, String reason, Instant now) {
        transactions.executeWithoutResult(status -> {
            ExchangeAccount invalid = accounts.save(account.invalid(reason, now));
            if (invalid.ownerToldAt() == null || invalid.ownerToldAt().isBefore(invalid.invalidSince())) {
                events.publishEvent(new AccountKeyRejected(invalid.userId(), invalid.id(), invalid.exchange(), invalid.keyHint(), reason,
                        invalid.invalidSince()));
                accounts.save(invalid.ownerTold(now));
            }
        });
    }
}
