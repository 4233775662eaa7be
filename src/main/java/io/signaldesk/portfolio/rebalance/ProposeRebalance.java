package io.signaldesk.portfolio.rebalance;

import io.signaldesk.accounts.AccountSummary;
import io.signaldesk.accounts.Accounts;
import io.signaldesk.notifications.Audience;
import io.signaldesk.notifications.Notification;
import io.signaldesk.notifications.Notifications;
import io.signaldesk.notifications.Urgency;
import io.signaldesk.portfolio.rebalance.plan.Allocation;
import io.signaldesk.portfolio.rebalance.plan.Plan;
import io.signaldesk.portfolio.rebalance.store.NewProposal;
import io.signaldesk.portfolio.rebalance.store.Proposal;
import io.signaldesk.portfolio.rebalance.store.Proposals;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a proposal for an account now: its plan input ({@link PlanInputs}), the plan (with room for the re-quote
 * tolerance, {@link CashReserve}), and, when there are trades, a PROPOSED proposal that supersedes the account's older one
 * (whose delivered cards are then edited to "superseded — nothing was done"). A plan whose every trade falls under a
 * minimum stores nothing. Every card, scheduled (one per account and jobs-zone day) or asked for in a chat
 * ({@code /rebalance}, a re-quote), goes to the owner's private chats through the outbox, in the same transaction, so
 * expiry, supersession and the result edit every copy ({@code Notifications.revise}); the command answers with a line
 * only (or, when the chat turned rebalancing notifications off and no copy was written, with the card itself).
 */
@Component
public class ProposeRebalance {

    private final PlanInputs inputs;
    private final Accounts accounts;
    private final Proposals proposals;
    private final Notifications notifications;
    private final TransactionTemplate transaction;
    private final RebalanceProperties properties;
    private final ZoneId zone;

    ProposeRebalance(PlanInputs inputs, Accounts accounts, Proposals proposals, Notifications notifications, TransactionTemplate transaction,
                     RebalanceProperties properties, @Value("${signaldesk.jobs.zone}") String zone) {
        this.inputs = inputs;
        this.accounts = accounts;
        this.proposals = proposals;
        this.notifications = notifications;
        this.transaction = transaction;
        this.properties = properties;
        this.zone = ZoneId.of(zone);
    }

    public sealed interface Outcome {

        /** Stored; {@code delivered}: how many private chats get its card through the outbox (0: they turned it off). */
        record Proposed(Proposal proposal, List<Long> superseded, int delivered) implements Outcome {
        }

        /** Every trade fell under a minimum (the exchange's, or the configured least trade): nothing stored. */
        record NothingTradable(BigDecimal driftPp, List<String> skipped) implements Outcome {
        }

        /** An exchange account's proposal was approved after its balance was read: wait for the next balance sync. */
        record AwaitingSync(long proposalId, Instant holdingsAt) implements Outcome {
        }

        record Balanced(BigDecimal driftPp, BigDecimal thresholdPp, Allocation current) implements Outcome {
        }

        record Unpriced(List<String> assets) implements Outcome {
        }

        /** A live account's trade in a pair whose lot rules (step, minimum notional) the exchange did not give: nothing stored. */
        record UnknownLots(List<String> pairs) implements Outcome {
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
            case PlanInputs.Prepared.AwaitingSync awaiting -> new Outcome.AwaitingSync(awaiting.proposalId(), awaiting.holdingsAt());
            case PlanInputs.Prepared.Ready ready -> planned(account, origin, now, ready);
        };
    }

    private Outcome planned(AccountSummary account, Proposal.Origin origin, Instant now, PlanInputs.Prepared.Ready ready) {
        return switch (CashReserve.plan(ready.input(), properties.requoteTolerance())) {
            case Plan.Balanced balanced -> new Outcome.Balanced(balanced.driftPp(), ready.input().driftThresholdPp(), balanced.current());
            case Plan.Unpriced unpriced -> new Outcome.Unpriced(unpriced.assets());
            case Plan.Trades trades when trades.trades().isEmpty() -> new Outcome.NothingTradable(trades.driftPp(), trades.skipped());
            case Plan.Trades trades when unknownLots(ready, trades).isPresent() -> unknownLots(ready, trades).get();
            case Plan.Trades trades -> store(account, origin, now, ready, trades);
        };
    }

    /** Live orders sized with a guessed lot would be refused by the exchange, maybe after the sells ran: none stored. */
    private static Optional<Outcome> unknownLots(PlanInputs.Prepared.Ready ready, Plan.Trades trades) {
        List<String> pairs = trades.trades().stream().map(trade -> trade.asset()).filter(ready.unknownLots()::contains).distinct()
                .map(asset -> asset + "/USDT").toList();
        return pairs.isEmpty() ? Optional.empty() : Optional.of(new Outcome.UnknownLots(pairs));
    }

    private Outcome store(AccountSummary account, Proposal.Origin origin, Instant now, PlanInputs.Prepared.Ready ready, Plan.Trades trades) {
        LocalDate day = origin == Proposal.Origin.SCHEDULED ? LocalDate.ofInstant(now, zone) : null;
        NewProposal proposal = new NewProposal(account.id(), account.userId(), origin, day, ready.live(), ready.liveOff(), now,
                now.plus(properties.expiry()), ready.prices(), ready.pricesAt(), ready.holdingsAt(), ready.targetText(), trades.trades(),
                trades.before(), trades.after(), trades.feesUsdt(), trades.driftPp(), ready.input().driftThresholdPp(), trades.skipped());
        record Stored(Proposals.Inserted inserted, int delivered) {
        }
        Stored stored;
        try {
            stored = transaction.execute(status -> {
                // the account's row held: an approval's owner check waits, and what traded since the holdings were read is seen
                if (!accounts.lockForChange(account.id())) {
                    throw new Proposals.AlreadyProposed();
                }
                Optional<Long> traded = proposals.tradedSince(account.id(), ready.holdingsAt());
                if (traded.isPresent()) {
                    throw new TradedMeanwhile(traded.get());
                }
                Proposals.Inserted inserted = proposals.insert(proposal);
                int delivered = notifications.send(new Notification(ProposalCardKind.KIND, ProposalCardKind.key(inserted.id()),
                        new Audience.User(account.userId()), Urgency.NORMAL, new ProposalCardKind.Ref(inserted.id()), proposal.expiresAt()));
                return new Stored(inserted, delivered);
            });
        } catch (Proposals.AlreadyProposed | org.springframework.dao.DuplicateKeyException e) {
            return new Outcome.AlreadyProposed();
        } catch (TradedMeanwhile e) {
            return new Outcome.AwaitingSync(e.proposalId, ready.holdingsAt());
        }
        Proposals.Inserted inserted = stored.inserted();
        inserted.superseded().forEach(older -> notifications.revise(ProposalCardKind.KIND, ProposalCardKind.key(older)));
        return new Outcome.Proposed(proposals.find(inserted.id()).orElseThrow(), inserted.superseded(), stored.delivered());
    }

    /** Another proposal was approved or executed on the account after its holdings were read: this plan would trade again. */
    private static final class TradedMeanwhile extends RuntimeException {

        private final long proposalId;

        TradedMeanwhile(long proposalId) {
            super("proposal " + proposalId + " traded on the account meanwhile", null, false, false);
            this.proposalId = proposalId;
        }
    }
}
