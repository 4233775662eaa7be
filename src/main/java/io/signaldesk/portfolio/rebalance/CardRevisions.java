package io.signaldesk.portfolio.rebalance;

import io.signaldesk.notifications.Notifications;
import org.springframework.stereotype.Component;

/** After a proposal's state change committed: its delivered cards are edited in place to show it (network calls). */
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
