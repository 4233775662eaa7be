package io.signaldesk.portfolio.rebalance.execute;

import io.signaldesk.notifications.Audience;
import io.signaldesk.notifications.Notification;
import io.signaldesk.notifications.Notifications;
import io.signaldesk.notifications.Urgency;
import io.signaldesk.portfolio.rebalance.store.Proposal;
import io.signaldesk.portfolio.rebalance.store.ProposalState;
import io.signaldesk.portfolio.rebalance.store.Proposals;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Ends an execution in the caller's transaction: the proposal moves {@code from} → its final state (compare-and-set)
 * with the summary and the new allocation, and the confirmation ({@link ConfirmationKind}) is written to the owner's
 * private chats with it, or neither.
 */
@Component
class Finish {

    private static final Duration CONFIRMATION_LIFETIME = Duration.ofDays(1);

    private final Proposals proposals;
    private final Notifications notifications;

    Finish(Proposals proposals, Notifications notifications) {
        this.proposals = proposals;
        this.notifications = notifications;
    }

    boolean finish(Proposal p, ProposalState from, Outcomes.Outcome outcome, Instant now) {
        if (!proposals.finish(p.id(), from, outcome.state(), outcome.summary(), outcome.allocation(), now)) {
            return false;
        }
        confirm(p, now);
        return true;
    }

    /** As {@link #finish} from EXECUTING, only while the proposal still carries its runner's stamp ({@link Proposals#touch}). */
    boolean finishStamped(Proposal p, Instant stamp, Outcomes.Outcome outcome, Instant now) {
        if (!proposals.finishStamped(p.id(), stamp, outcome.state(), outcome.summary(), outcome.allocation(), now)) {
            return false;
        }
        confirm(p, now);
        return true;
    }

    /**
     * URGENT: a money movement's confirmation sounds even in a chat that chose "silent" for rebalancing. A chat that
     * chose "off" gets no outbox row at all (Notifications skips it whatever the urgency), and that is acceptable because
     * the owner can never miss the result: the answer to their own Approve press is the card edited to the final state
     * with this same summary (a command's answer, which no {@code /notify} setting filters), and an execution the sweep
     * finished edits every delivered copy of the card to it ({@code CardRevisions}); {@code /rebalance history} keeps it.
     */
    private void confirm(Proposal p, Instant now) {
        notifications.send(new Notification(ConfirmationKind.KIND, ConfirmationKind.key(p.id()), new Audience.User(p.userId()), Urgency.URGENT,
                new ConfirmationKind.Ref(p.id()), now.plus(CONFIRMATION_LIFETIME)));
    }
}
