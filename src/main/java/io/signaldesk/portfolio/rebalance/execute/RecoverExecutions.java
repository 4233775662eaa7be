package io.signaldesk.portfolio.rebalance.execute;

import io.signaldesk.accounts.SpotTrading;
import io.signaldesk.accounts.SpotTrading.SpotOrderResult;
import io.signaldesk.chat.UserLocales;
import io.signaldesk.market.Symbol;
import io.signaldesk.portfolio.rebalance.CardRevisions;
import io.signaldesk.portfolio.rebalance.RebalanceProperties;
import io.signaldesk.portfolio.rebalance.RebalanceText;
import io.signaldesk.portfolio.rebalance.plan.PlannedTrade;
import io.signaldesk.portfolio.rebalance.store.Orders;
import io.signaldesk.portfolio.rebalance.store.Proposal;
import io.signaldesk.portfolio.rebalance.store.ProposalState;
import io.signaldesk.portfolio.rebalance.store.Proposals;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finishes executions an instance left in the middle (a crash, a restart): a proposal APPROVED or EXECUTING for longer
 * than {@code stuck-after}. APPROVED: nothing was sent, it FAILED. EXECUTING: first claimed by compare-and-set on the
 * {@code state_changed_at} it was found with (a running execution's heartbeat moved it: left alone; a late runner's next
 * heartbeat then fails, so the two never write the same orders); then each order RECORDED, SENT or UNKNOWN is looked up
 * by its client order id — never sent again — and stored as the exchange says (unknown to it, a minute after it was
 * sent: NOT_SENT); the trades never recorded are NOT_SENT; then the final state, the confirmation and the card's edit
 * tell the owner. An order the exchange still cannot account for keeps the proposal EXECUTING ("nothing confirmed yet"),
 * to be looked up again after {@code stuck-after}.
 */
@Component
public class RecoverExecutions {

    private static final Logger log = LoggerFactory.getLogger(RecoverExecutions.class);

    /** How long an order may be on its way: before that, the exchange not knowing it proves nothing. */
    static final Duration IN_FLIGHT = Duration.ofMinutes(1);

    /** How long after its first order an execution may stay unconfirmed before it is ended (the owner checks the exchange). */
    static final Duration UNCONFIRMED_CAP = Duration.ofHours(24);

    private final Proposals proposals;
    private final Orders orders;
    private final SpotTrading trading;
    private final Outcomes outcomes;
    private final Finish finish;
    private final CardRevisions cards;
    private final TransactionTemplate transaction;
    private final RebalanceText text;
    private final UserLocales locales;
    private final RebalanceProperties properties;

    RecoverExecutions(Proposals proposals, Orders orders, SpotTrading trading, Outcomes outcomes, Finish finish, CardRevisions cards,
                      TransactionTemplate transaction, RebalanceText text, UserLocales locales, RebalanceProperties properties) {
        this.proposals = proposals;
        this.orders = orders;
        this.trading = trading;
        this.outcomes = outcomes;
        this.finish = finish;
        this.cards = cards;
        this.transaction = transaction;
        this.text = text;
        this.locales = locales;
        this.properties = properties;
    }

    /** How many proposals a pass finished, and how many it could not handle (each logged; the others went on). */
    public record Recovery(int finished, int failed) {
    }

    /**
     * Finishes what it can; a proposal whose handling throws is logged (its id and the error, never a key) and left for
     * the next pass, and the others are handled all the same.
     */
    public Recovery recover(Instant now) {
        int finished = 0;
        int failed = 0;
        for (Proposal p : proposals.stuck(now.minus(properties.stuckAfter()))) {
            try {
                boolean done = p.state() == ProposalState.APPROVED ? interrupted(p, now) : resolve(p, now);
                if (done) {
                    finished++;
                    cards.revise(p.id());
                }
            } catch (RuntimeException e) {
                failed++;
                log.warn("Could not finish the interrupted execution of rebalance proposal {}: {}", p.id(), e.getClass().getSimpleName(), e);
            }
        }
        return new Recovery(finished, failed);
    }

    private boolean interrupted(Proposal p, Instant now) {
        String why = text.get(locales.of(p.userId()), "rebalance.result.interrupted");
        return Boolean.TRUE.equals(transaction.execute(status -> finish.finish(p, ProposalState.APPROVED,
                new Outcomes.Outcome(ProposalState.FAILED, why, null), now)));
    }

    private boolean resolve(Proposal p, Instant seen) {
        Instant claimed = Proposals.stamp(seen);
        if (!proposals.claim(p.id(), p.stateChangedAt(), claimed)) {
            return false; // its runner stamped it since we read it (still running), or another sweep took it
        }
        for (Orders.Order order : orders.of(p.id())) {
            if (Orders.OPEN.contains(order.state())) {
                lookUp(p, order, seen);
            }
        }
        int sequence = 0;
        for (PlannedTrade trade : p.trades()) {
            sequence++;
            orders.notSent(p.id(), sequence, trade.asset() + "/USDT", trade.side().name(), trade.quantity(), seen);
        }
        List<Orders.Order> settled = orders.of(p.id());
        Outcomes.Outcome found = outcomes.of(p, settled, p.prices(), text.get(locales.of(p.userId()), "rebalance.result.recovered"));
        Outcomes.Outcome outcome = found.state() == ProposalState.EXECUTING ? capped(p, settled, found, seen) : found;
        if (outcome.state() == ProposalState.EXECUTING) {
            proposals.pending(p.id(), claimed, outcome.summary(), claimed); // still unconfirmed: looked up again after stuck-after
            return false;
        }
        return Boolean.TRUE.equals(transaction.execute(status -> finish.finishStamped(p, claimed, outcome, seen)));
    }

    /**
     * An execution still unconfirmed {@link #UNCONFIRMED_CAP} after its first order was recorded (a revoked or removed key
     * makes every look-up unknown forever) is ended: PARTIALLY_EXECUTED if anything was filled, else FAILED, saying which
     * orders to check on the exchange; those stay UNKNOWN. Before the cap it stays as found.
     */
    private Outcomes.Outcome capped(Proposal p, List<Orders.Order> settled, Outcomes.Outcome found, Instant seen) {
        Instant started = settled.stream().map(Orders.Order::recordedAt).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(p.stateChangedAt());
        if (started.plus(UNCONFIRMED_CAP).isAfter(seen)) {
            return found;
        }
        boolean anyFill = settled.stream().anyMatch(order -> order.state() == Orders.State.FILLED);
        String open = settled.stream().filter(order -> Orders.OPEN.contains(order.state())).map(Orders.Order::clientOrderId)
                .collect(Collectors.joining(", "));
        String why = text.get(locales.of(p.userId()), "rebalance.result.unconfirmed", UNCONFIRMED_CAP.toHours(), open);
        return new Outcomes.Outcome(anyFill ? ProposalState.PARTIALLY_EXECUTED : ProposalState.FAILED, found.summary() + "; " + why,
                found.allocation());
    }

    /**
     * Stores what the exchange says of an open order. "No such order" is trusted only once the order was sent at least
     * {@link #IN_FLIGHT} ago (a younger one may still be on its way); until then, and while the exchange cannot say, it
     * stays open.
     */
    private void lookUp(Proposal p, Orders.Order order, Instant now) {
        SpotOrderResult result = trading.lookup(p.accountId(), Symbol.parse(order.pair()), order.clientOrderId());
        Instant sent = order.sentAt() == null ? order.recordedAt() : order.sentAt();
        switch (result) {
            case SpotOrderResult.Filled filled -> orders.filled(order.id(), filled.exchangeOrderId(), filled.executedQuantity(),
                    filled.quoteQuantity(), filled.fee(), filled.feeAsset(), filled.at() == null ? now : filled.at());
            case SpotOrderResult.Rejected rejected -> orders.ended(order.id(), Orders.State.REJECTED, rejected.reason(), now);
            case SpotOrderResult.Unknown unknown -> orders.ended(order.id(), Orders.State.UNKNOWN, unknown.reason(), now);
            case SpotOrderResult.NotFound ignored -> {
                if (!sent.isAfter(now.minus(IN_FLIGHT))) {
                    orders.ended(order.id(), Orders.State.NOT_SENT, "the exchange has no such order: it was never received", now);
                } else {
                    orders.ended(order.id(), Orders.State.UNKNOWN, "the exchange does not show the order yet", now);
                }
            }
        }
    }
}
