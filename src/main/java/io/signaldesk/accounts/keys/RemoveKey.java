package io.signaldesk.accounts.keys;

import io.signaldesk.accounts.store.ExchangeAccounts;
import org.springframework.stereotype.Component;

/** Deletes a user's key for one exchange at once, with its account and balance history. */
@Component
class RemoveKey {

    private final ExchangeAccounts accounts;

    RemoveKey(ExchangeAccounts accounts) {
        this.accounts = accounts;
    }

    /** True when there was such a key (the owner's own: an id of someone else's account removes nothing). */
    boolean remove(long userId, long accountId) {
        return accounts.findById(accountId).filter(account -> account.userId() == userId && !account.isPaper())
                .map(account -> {
                    accounts.delete(account);
                    return true;
                }).orElse(false);
    }
}
