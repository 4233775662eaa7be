package io.signaldesk.portfolio.rebalance.execute;

import io.signaldesk.portfolio.rebalance.CardRevisions;
import io.signaldesk.portfolio.rebalance.store.Proposals;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The sweep: PROPOSED proposals past their expiry become EXPIRED (compare-and-set: a press at the same moment wins or
 * loses cleanly) and their cards are edited to "expired — nothing was done"; then interrupted executions are finished
 * ({@link RecoverExecutions}). One proposal that fails does not stop the others; the failures are counted.
 */
@Component
public class ExpireProposals {

    private static final Logger log = LoggerFactory.getLogger(ExpireProposals.class);

    private final Proposals proposals;
    private final RecoverExecutions recover;
    private final CardRevisions cards;

    ExpireProposals(Proposals proposals, RecoverExecutions recover, CardRevisions cards) {
        this.proposals = proposals;
        this.recover = recover;
        this.cards = cards;
    }

    /** What a sweep changed, and how many proposals it could not handle (logged; the sweep went on without them). */
    public record Sweep(int changed, int failed) {
    }

    public Sweep sweep(Instant now) {
        int changed = 0;
        int failed = 0;
        for (long id : proposals.pastExpiry(now)) {
            try {
                if (proposals.expire(id, now)) {
                    changed++;
                    cards.revise(id);
                }
            } catch (RuntimeException e) {
                failed++;
                log.warn("Could not expire rebalance proposal {}: {}", id, e.getClass().getSimpleName(), e);
            }
        }
        RecoverExecutions.Recovery recovered = recover.recover(now);
        return new Sweep(changed + recovered.finished(), failed + recovered.failed());
    }
}
