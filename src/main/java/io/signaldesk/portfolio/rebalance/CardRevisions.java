package io.signaldesk.portfolio.rebalance;

import io.signaldesk.notifications.Notifications;
import org.springframework.stereotype.Component;

/**
 * After a proposal's state change committed: its delivered cards are edited in place to show it (network calls).
 * {@link Notifications} comes lazily here and in the other rebalancing beans: revising needs the chat senders, the local
 * chat's sender needs the command dispatcher, and the dispatcher needs {@code /rebalance}.
 */
@Component
public class CardRevisions {

    private final Notifications notifications;

    CardRevisions(@org.springframework.context.annotation.Lazy Notifications notifications) {
        this.notifications = notifications;
    }

    public int revise(long proposalId) {
        return notifications.revise(ProposalCardKind.KIND, ProposalCardKind.key(proposalId));
    }
}
