package io.signaldesk.portfolio.rebalance.execute;

import io.signaldesk.portfolio.rebalance.CardRevisions;
import io.signaldesk.portfolio.rebalance.store.Proposals;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The sweep: PROPOSED proposals past their expiry become EXPIRED (compare-and-set: a press at the same moment wins or
 * loses cleanly) and their cards are edited to "expired — nothing was done"; then interrupted executions are finished
 * ({@link RecoverExecutions}). Returns how many proposals it changed.
 */
@Component
public class ExpireProposals {

    private final Proposals proposals;
    private final RecoverExecutions recover;
    private final CardRevisions cards;

    ExpireProposals(Proposals proposals, RecoverExecutions recover, CardRevisions cards) {
        this.proposals = proposals;
        this.recover = recover;
        this.cards = cards;
    }

    public int sweep(Instant now) {
        int changed = 0;
        for (long id : proposals.pastExpiry(now)) {
            if (proposals.expire(id, now)) {
                changed++;
                cards.revise(id);
            }
        }
        return changed + recover.recover(now);
    }
}
