package io.signaldesk.portfolio.rebalance.execute;

import io.signaldesk.accounts.AccountSummary;
import io.signaldesk.accounts.Accounts;
import io.signaldesk.accounts.SpotTrading;
import io.signaldesk.chat.UserLocales;
import io.signaldesk.portfolio.rebalance.CardRevisions;
import io.signaldesk.portfolio.rebalance.ProposeRebalance;
import io.signaldesk.portfolio.rebalance.RebalanceProperties;
import io.signaldesk.portfolio.rebalance.RebalanceText;
import io.signaldesk.portfolio.rebalance.PriceCheck;
import io.signaldesk.portfolio.rebalance.store.Presses;
import io.signaldesk.portfolio.rebalance.store.Proposal;
import io.signaldesk.portfolio.rebalance.store.ProposalState;
import io.signaldesk.portfolio.rebalance.store.Proposals;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Approve: only the account's owner now ({@link Accounts#ownerOf}, checked in the approval's transaction); only a PROPOSED proposal that has not expired, moved to APPROVED by compare-and-set (so of
 * any number of presses, from any chats or instances, one wins); the traded assets priced again: any moved more than
 * the tolerance → SUPERSEDED and a fresh proposal asks again; else executed (paper, or live when the account allows it
 * now). Every press is recorded with what came of it, the refused ones too; the cards are edited once it committed.
 */
@Component
public class ApproveRebalance {

    private final Proposals proposals;
    private final Presses presses;
    private final PriceCheck prices;
    private final ProposeRebalance propose;
    private final Accounts accounts;
    private final SpotTrading trading;
    private final PaperExecution paper;
    private final LiveExecution live;
    private final Finish finish;
    private final CardRevisions cards;
    private final TransactionTemplate transaction;
    private final RebalanceText text;
    private final UserLocales locales;
    private final RebalanceProperties properties;
    private final Clock clock;

    ApproveRebalance(Proposals proposals, Presses presses, PriceCheck prices, ProposeRebalance propose, Accounts accounts, SpotTrading trading,
                     PaperExecution paper, LiveExecution live, Finish finish, CardRevisions cards, TransactionTemplate transaction,
                     RebalanceText text, UserLocales locales, RebalanceProperties properties, Clock clock) {
        this.proposals = proposals;
        this.presses = presses;
        this.prices = prices;
        this.propose = propose;
        this.accounts = accounts;
        this.trading = trading;
        this.paper = paper;
        this.live = live;
        this.finish = finish;
        this.cards = cards;
        this.transaction = transaction;
        this.text = text;
        this.locales = locales;
        this.properties = properties;
        this.clock = clock;
    }

    public Press.Outcome approve(long proposalId, Press.Presser presser) {
        Instant now = clock.instant();
        Optional<Proposal> found = proposals.find(proposalId);
        if (found.isEmpty()) {
            return new Press.Outcome.NotFound();
        }
        Proposal p = found.get();
        Gate gate = transaction.execute(status -> gate(p, presser, now));
        switch (gate) {
            case NOT_OWNER -> {
                return new Press.Outcome.NotOwner();
            }
            case DRY_RUN -> {
                return new Press.Outcome.DryRun(p);
            }
            case REFUSED -> {
                return refused(p.id(), presser, now);
            }
            case APPROVED -> {
            }
        }
        Map<String, BigDecimal> current;
        switch (prices.of(p)) {
            case PriceCheck.Result.Holds holds -> current = holds.prices();
            case PriceCheck.Result.Moved ignored -> {
                return requote(p, presser, now, Proposal.PRICES_MOVED);
            }
            case PriceCheck.Result.Unpriced ignored -> {
                return requote(p, presser, now, Proposal.UNPRICED);
            }
        }
        record(p, presser, now, "APPROVED");
        execute(p, current);
        cards.revise(p.id());
        return new Press.Outcome.Executed(proposals.find(p.id()).orElseThrow());
    }

    private enum Gate {
        NOT_OWNER, DRY_RUN, REFUSED, APPROVED
    }

    /**
     * In one transaction: the presser must be the account's owner NOW (read with its row held for share, so a
     * {@code /link} or {@code /unlink} moving the account either committed before, and this press is refused, or waits
     * for this approval), not merely the user it was proposed to; then PROPOSED → APPROVED by compare-and-set.
     */
    private Gate gate(Proposal p, Press.Presser presser, Instant now) {
        OptionalLong owner = accounts.ownerOf(p.accountId());
        if (owner.isEmpty() || owner.getAsLong() != presser.userId()) {
            record(p, presser, now, "NOT_OWNER");
            return Gate.NOT_OWNER;
        }
        if (p.liveOff() != null) {
            record(p, presser, now, "DRY_RUN");
            return Gate.DRY_RUN;
        }
        if (p.state() == ProposalState.PROPOSED && p.expiredAt(now) && proposals.expire(p.id(), now)) {
            cards.revise(p.id());
        }
        return proposals.approve(p.id(), now) ? Gate.APPROVED : Gate.REFUSED;
    }

    private void execute(Proposal p, Map<String, BigDecimal> current) {
        if (!p.live()) {
            paper.execute(p, current, clock.instant());
            return;
        }
        if (trading.liveStatus(p.accountId()) instanceof SpotTrading.LiveStatus.Off off) {
            String why = text.get(locales.of(p.userId()), "rebalance.result.live-off", off.reason());
            transaction.executeWithoutResult(status -> finish.finish(p, ProposalState.APPROVED,
                    new Outcomes.Outcome(ProposalState.FAILED, why, null), clock.instant()));
            return;
        }
        live.execute(p, current);
    }

    private Press.Outcome requote(Proposal p, Press.Presser presser, Instant now, String why) {
        if (!proposals.supersede(p.id(), ProposalState.APPROVED, why, now)) {
            return refused(p.id(), presser, now); // the sweep ended it meanwhile: no re-quote, no fresh proposal
        }
        record(p, presser, now, "REQUOTED");
        Optional<AccountSummary> account = accounts.existingOf(p.userId()).stream().filter(a -> a.id() == p.accountId()).findFirst();
        ProposeRebalance.Outcome fresh = account.isEmpty() ? new ProposeRebalance.Outcome.Empty()
                : propose.propose(account.get(), Proposal.Origin.ON_DEMAND, now);
        if (fresh instanceof ProposeRebalance.Outcome.Proposed proposed) {
            proposals.supersededBy(p.id(), proposed.proposal().id());
        }
        cards.revise(p.id());
        return new Press.Outcome.Requoted(proposals.find(p.id()).orElseThrow(), fresh);
    }

    private Press.Outcome refused(long id, Press.Presser presser, Instant now) {
        Proposal p = proposals.find(id).orElseThrow();
        record(p, presser, now, "REFUSED_" + p.state().name());
        return switch (p.state()) {
            case EXPIRED -> new Press.Outcome.Expired(p);
            case SUPERSEDED -> new Press.Outcome.Superseded(p);
            default -> new Press.Outcome.AlreadyDecided(p);
        };
    }

    private void record(Proposal p, Press.Presser presser, Instant now, String outcome) {
        presses.record(new Presses.Press(p.id(), Presses.Action.APPROVE, presser.userId(), presser.platform(), presser.chatId(), now, outcome));
    }
}
