package io.signaldesk.portfolio.rebalance;

import io.signaldesk.accounts.AccountSummary;
import io.signaldesk.notifications.Audience;
import io.signaldesk.notifications.Notification;
import io.signaldesk.notifications.Notifications;
import io.signaldesk.notifications.Urgency;
import io.signaldesk.portfolio.rebalance.plan.Allocation;
import io.signaldesk.portfolio.rebalance.plan.Plan;
import io.signaldesk.portfolio.rebalance.plan.RebalancePlanner;
import io.signaldesk.portfolio.rebalance.store.NewProposal;
import io.signaldesk.portfolio.rebalance.store.Proposal;
import io.signaldesk.portfolio.rebalance.store.Proposals;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a proposal for an account now: its plan input ({@link PlanInputs}), the plan ({@link RebalancePlanner}), and,
 * when there are trades, a PROPOSED proposal that supersedes the account's older one (whose delivered cards are then
 * edited to "superseded — nothing was done"). A scheduled proposal (one per account and jobs-zone day) goes to its owner's
 * private chats through the outbox, in the same transaction; one asked for in a chat ({@code /rebalance}, or a re-quote)
 * is answered in that chat only by the caller, so that chat never gets the card twice.
 */
@Component
public class ProposeRebalance {

    private final PlanInputs inputs;
    private final Proposals proposals;
    private final Notifications notifications;
    private final TransactionTemplate transaction;
    private final RebalanceProperties properties;
    private final ZoneId zone;

    ProposeRebalance(PlanInputs inputs, Proposals proposals, @org.springframework.context.annotation.Lazy Notifications notifications, TransactionTemplate transaction,
                     RebalanceProperties properties, @Value("${signaldesk.jobs.zone}") String zone) {
        this.inputs = inputs;
        this.proposals = proposals;
        this.notifications = notifications;
        this.transaction = transaction;
        this.properties = properties;
        this.zone = ZoneId.of(zone);
    }

    public sealed interface Outcome {

        record Proposed(Proposal proposal, List<Long> superseded) implements Outcome {
        }

        record Balanced(BigDecimal driftPp, BigDecimal thresholdPp, Allocation current) implements Outcome {
        }

        record Unpriced(List<String> assets) implements Outcome {
        }

        record HoldingsTooOld(Instant lastGoodAt) implements Outcome {
        }

        record Empty() implements Outcome {
        }

        /** The same day's scheduled proposal exists, or another was stored at this very moment. */
        record AlreadyProposed() implements Outcome {
        }
    }

    public Outcome propose(AccountSummary account, Proposal.Origin origin, Instant now) {
        PlanInputs.Prepared prepared = inputs.of(account.id(), account.paper(), now);
        return switch (prepared) {
            case PlanInputs.Prepared.HoldingsTooOld old -> new Outcome.HoldingsTooOld(old.lastGoodAt());
            case PlanInputs.Prepared.Empty ignored -> new Outcome.Empty();
            case PlanInputs.Prepared.Ready ready -> planned(account, origin, now, ready);
        };
    }

    private Outcome planned(AccountSummary account, Proposal.Origin origin, Instant now, PlanInputs.Prepared.Ready ready) {
        return switch (RebalancePlanner.plan(ready.input())) {
            case Plan.Balanced balanced -> new Outcome.Balanced(balanced.driftPp(), ready.input().driftThresholdPp(), balanced.current());
            case Plan.Unpriced unpriced -> new Outcome.Unpriced(unpriced.assets());
            case Plan.Trades trades -> store(account, origin, now, ready, trades);
        };
    }

    private Outcome store(AccountSummary account, Proposal.Origin origin, Instant now, PlanInputs.Prepared.Ready ready, Plan.Trades trades) {
        LocalDate day = origin == Proposal.Origin.SCHEDULED ? LocalDate.ofInstant(now, zone) : null;
        NewProposal proposal = new NewProposal(account.id(), account.userId(), origin, day, ready.live(), ready.liveOff(), now,
                now.plus(properties.expiry()), ready.prices(), ready.pricesAt(), ready.holdingsAt(), ready.targetText(), trades.trades(),
                trades.before(), trades.after(), trades.feesUsdt(), trades.driftPp(), ready.input().driftThresholdPp(), trades.skipped());
        Proposals.Inserted inserted;
        try {
            inserted = transaction.execute(status -> {
                Proposals.Inserted stored = proposals.insert(proposal);
                if (origin == Proposal.Origin.SCHEDULED) {
                    notifications.send(new Notification(ProposalCardKind.KIND, ProposalCardKind.key(stored.id()), new Audience.User(account.userId()),
                            Urgency.NORMAL, new ProposalCardKind.Ref(stored.id()), proposal.expiresAt()));
                }
                return stored;
            });
        } catch (Proposals.AlreadyProposed | org.springframework.dao.DuplicateKeyException e) {
            return new Outcome.AlreadyProposed();
        }
        inserted.superseded().forEach(older -> notifications.revise(ProposalCardKind.KIND, ProposalCardKind.key(older)));
        return new Outcome.Proposed(proposals.find(inserted.id()).orElseThrow(), inserted.superseded());
    }
}
