package io.signaldesk.portfolio.rebalance.execute;

import io.signaldesk.accounts.AccountRemovalGuard;
import io.signaldesk.portfolio.rebalance.store.Proposals;
import org.springframework.stereotype.Component;

/**
 * A key is not removed while a rebalance of its account is APPROVED or EXECUTING: its orders are being sent and looked
 * up with that key. (Once it is done, removing the key keeps the proposals, presses and orders: their account id is emptied.)
 */
@Component
class RebalanceAccountRemovalGuard implements AccountRemovalGuard {

    private final Proposals proposals;

    RebalanceAccountRemovalGuard(Proposals proposals) {
        this.proposals = proposals;
    }

    @Override
    public boolean inUse(long accountId) {
        return proposals.executing(accountId);
    }
}
