package io.signaldesk.portfolio.rebalance.execute;

import io.signaldesk.accounts.Accounts;
import io.signaldesk.portfolio.rebalance.CardRevisions;
import io.signaldesk.portfolio.rebalance.store.Presses;
import io.signaldesk.portfolio.rebalance.store.Proposal;
import io.signaldesk.portfolio.rebalance.store.ProposalState;
import io.signaldesk.portfolio.rebalance.store.Proposals;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Reject: only the account's owner now (checked with its row held, as Approve); PROPOSED → REJECTED by compare-and-set while it has not expired; every press recorded. */
@Component
public class RejectRebalance {

    private final Proposals proposals;
    private final Presses presses;
    private final CardRevisions cards;
    private final Accounts accounts;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RejectRebalance(Proposals proposals, Presses presses, CardRevisions cards, Accounts accounts, TransactionTemplate transaction, Clock clock) {
        this.proposals = proposals;
        this.presses = presses;
        this.cards = cards;
        this.accounts = accounts;
        this.transaction = transaction;
        this.clock = clock;
    }

    public Press.Outcome reject(long proposalId, Press.Presser presser) {
        Instant now = clock.instant();
        Optional<Proposal> found = proposals.find(proposalId);
        if (found.isEmpty()) {
            return new Press.Outcome.NotFound();
        }
        Proposal p = found.get();
        Boolean rejected = transaction.execute(status -> {
            OptionalLong owner = accounts.ownerOf(p.accountId()); // the owner now, its row held: see ApproveRebalance
            if (owner.isEmpty() || owner.getAsLong() != presser.userId()) {
                record(p, presser, now, "NOT_OWNER");
                return null;
            }
            if (p.state() == ProposalState.PROPOSED && p.expiredAt(now) && proposals.expire(p.id(), now)) {
                cards.revise(p.id());
            }
            if (proposals.move(p.id(), ProposalState.PROPOSED, ProposalState.REJECTED, now)) {
                record(p, presser, now, "REJECTED");
                cards.revise(p.id());
                return true;
            }
            return false;
        });
        if (rejected == null) {
            return new Press.Outcome.NotOwner();
        }
        if (rejected) {
            return new Press.Outcome.Rejected(proposals.find(p.id()).orElseThrow());
        }
        Proposal now_ = proposals.find(p.id()).orElseThrow();
        record(now_, presser, now, "REFUSED_" + now_.state().name());
        return switch (now_.state()) {
            case EXPIRED -> new Press.Outcome.Expired(now_);
            case SUPERSEDED -> new Press.Outcome.Superseded(now_);
            default -> new Press.Outcome.AlreadyDecided(now_);
        };
    }

    private void record(Proposal p, Press.Presser presser, Instant now, String outcome) {
        presses.record(new Presses.Press(p.id(), Presses.Action.REJECT, presser.userId(), presser.platform(), presser.chatId(), now, outcome));
    }
}
