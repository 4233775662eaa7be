package io.signaldesk.portfolio.rebalance;

import io.signaldesk.notifications.Notifications;
import org.springframework.stereotype.Component;

/**
 * After a proposal's state change: every copy of its card is marked for revision, and each platform's delivery worker
 * edits the delivered ones in place to show it (a durable request, retried at the platform's pace; see
 * {@link Notifications#revise}).
 */
@Component
public class CardRevisions {

    private final Notifications notifications;

    CardRevisions(Notifications notifications) {
        this.notifications = notifications;
    }

    public int revise(long proposalId) {
        return notifications.revise(ProposalCardKind.KIND, ProposalCardKind.key(proposalId));
    }
}
