package io.signaldesk.portfolio.rebalance.execute;

import io.signaldesk.portfolio.rebalance.CardRevisions;
import io.signaldesk.portfolio.rebalance.store.Presses;
import io.signaldesk.portfolio.rebalance.store.Proposal;
import io.signaldesk.portfolio.rebalance.store.ProposalState;
import io.signaldesk.portfolio.rebalance.store.Proposals;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Reject: only the owner; PROPOSED → REJECTED by compare-and-set while it has not expired; every press recorded. */
@Component
public class RejectRebalance {

    private final Proposals proposals;
    private final Presses presses;
    private final CardRevisions cards;
    private final Clock clock;

    RejectRebalance(Proposals proposals, Presses presses, CardRevisions cards, Clock clock) {
        this.proposals = proposals;
        this.presses = presses;
        this.cards = cards;
        this.clock = clock;
    }

    public Press.Outcome reject(long proposalId, Press.Presser presser) {
        Instant now = clock.instant();
        Optional<Proposal> found = proposals.find(proposalId);
        if (found.isEmpty()) {
            return new Press.Outcome.NotFound();
        }
        Proposal p = found.get();
        if (p.userId() != presser.userId()) {
            record(p, presser, now, "NOT_OWNER");
            return new Press.Outcome.NotOwner();
        }
        if (p.state() == ProposalState.PROPOSED && p.expiredAt(now) && proposals.expire(p.id(), now)) {
            cards.revise(p.id());
        }
        if (proposals.move(p.id(), ProposalState.PROPOSED, ProposalState.REJECTED, now)) {
            record(p, presser, now, "REJECTED");
            cards.revise(p.id());
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
