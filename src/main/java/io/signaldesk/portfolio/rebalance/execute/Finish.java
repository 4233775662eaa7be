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

    Finish(Proposals proposals, @org.springframework.context.annotation.Lazy Notifications notifications) {
        this.proposals = proposals;
        this.notifications = notifications;
    }

    boolean finish(Proposal p, ProposalState from, Outcomes.Outcome outcome, Instant now) {
        if (!proposals.finish(p.id(), from, outcome.state(), outcome.summary(), outcome.allocation(), now)) {
            return false;
        }
        notifications.send(new Notification(ConfirmationKind.KIND, ConfirmationKind.key(p.id()), new Audience.User(p.userId()), Urgency.NORMAL,
                new ConfirmationKind.Ref(p.id()), now.plus(CONFIRMATION_LIFETIME)));
        return true;
    }
}
