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
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finishes executions an instance left in the middle (a crash, a restart): a proposal APPROVED or EXECUTING for longer
 * than {@code stuck-after}. APPROVED: nothing was sent, it FAILED. EXECUTING: each order RECORDED, SENT or UNKNOWN is
 * looked up by its client order id — never sent again — and stored as the exchange says (unknown to it: NOT_SENT); the
 * trades never recorded are NOT_SENT; then the final state, the confirmation and the card's edit tell the owner.
 */
@Component
public class RecoverExecutions {

    private static final Set<Orders.State> OPEN = Set.of(Orders.State.RECORDED, Orders.State.SENT, Orders.State.UNKNOWN);

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

    /** Returns how many proposals were finished. */
    public int recover(Instant now) {
        int finished = 0;
        for (Proposal p : proposals.stuck(now.minus(properties.stuckAfter()))) {
            boolean done = p.state() == ProposalState.APPROVED ? interrupted(p, now) : resolve(p, now);
            if (done) {
                finished++;
                cards.revise(p.id());
            }
        }
        return finished;
    }

    private boolean interrupted(Proposal p, Instant now) {
        String why = text.get(locales.of(p.userId()), "rebalance.result.interrupted");
        return Boolean.TRUE.equals(transaction.execute(status -> finish.finish(p, ProposalState.APPROVED,
                new Outcomes.Outcome(ProposalState.FAILED, why, null), now)));
    }

    private boolean resolve(Proposal p, Instant now) {
        List<Orders.Order> recorded = orders.of(p.id());
        for (Orders.Order order : recorded) {
            if (OPEN.contains(order.state())) {
                SpotOrderResult result = trading.lookup(p.accountId(), Symbol.parse(order.pair()), order.clientOrderId());
                switch (result) {
                    case SpotOrderResult.Filled filled -> orders.filled(order.id(), filled.exchangeOrderId(), filled.executedQuantity(),
                            filled.quoteQuantity(), filled.fee(), filled.feeAsset(), filled.at() == null ? now : filled.at());
                    case SpotOrderResult.Rejected rejected -> orders.ended(order.id(), Orders.State.REJECTED, rejected.reason(), now);
                    case SpotOrderResult.Unknown unknown -> orders.ended(order.id(), Orders.State.UNKNOWN, unknown.reason(), now);
                    case SpotOrderResult.NotFound ignored -> orders.ended(order.id(), Orders.State.NOT_SENT,
                            "the exchange has no such order: it was never received", now);
                }
            }
        }
        Set<Integer> known = recorded.stream().map(Orders.Order::sequence).collect(Collectors.toSet());
        int sequence = 0;
        for (PlannedTrade trade : p.trades()) {
            sequence++;
            if (!known.contains(sequence)) {
                orders.record(p.id(), sequence, trade.asset() + "/USDT", trade.side().name(), trade.quantity(), Orders.State.NOT_SENT, now);
            }
        }
        Outcomes.Outcome outcome = outcomes.of(p, orders.of(p.id()), p.prices(), text.get(locales.of(p.userId()), "rebalance.result.recovered"));
        return Boolean.TRUE.equals(transaction.execute(status -> finish.finish(p, ProposalState.EXECUTING, outcome, now)));
    }
}
