package io.signaldesk.portfolio.rebalance.execute;

import io.signaldesk.accounts.SpotTrading;
import io.signaldesk.accounts.SpotTrading.SpotOrderResult;
import io.signaldesk.market.Symbol;
import io.signaldesk.portfolio.rebalance.plan.PlannedTrade;
import io.signaldesk.portfolio.rebalance.store.Orders;
import io.signaldesk.portfolio.rebalance.store.Proposal;
import io.signaldesk.portfolio.rebalance.store.ProposalState;
import io.signaldesk.portfolio.rebalance.store.Proposals;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Executes an approved proposal with live market orders through {@link SpotTrading}: APPROVED → EXECUTING committed
 * first; then each trade, sells first, is recorded (RECORDED, with its client order id) and committed BEFORE it is sent,
 * marked SENT, sent, and its answer stored (FILLED with the exchange's order id and fill, or REJECTED). An Unknown answer
 * is looked up once by its client order id; when that does not settle it (unknown again, or "no such order", which right
 * after a timeout may only mean the order is still in flight) it stays UNKNOWN. Anything but a full fill stops the
 * sequence: the rest are NOT_SENT.
 *
 * <p>The runner stamps the proposal (a heartbeat, compare-and-set on its own last stamp) before and after each order, so
 * the sweep ({@link RecoverExecutions}) never takes a running execution; and when the sweep did claim it (a runner slower
 * than {@code stuck-after}), the next heartbeat fails and the runner stops without sending more or ending it. With an
 * order still UNKNOWN the proposal stays EXECUTING with "nothing confirmed yet" for the owner: the sweep looks it up later
 * and ends it. Nothing is ever sent twice: the sweep only looks orders up.
 */
@Component
class LiveExecution {

    private final Proposals proposals;
    private final Orders orders;
    private final SpotTrading trading;
    private final Outcomes outcomes;
    private final Finish finish;
    private final TransactionTemplate transaction;
    private final Clock clock;

    LiveExecution(Proposals proposals, Orders orders, SpotTrading trading, Outcomes outcomes, Finish finish, TransactionTemplate transaction,
                  Clock clock) {
        this.proposals = proposals;
        this.orders = orders;
        this.trading = trading;
        this.outcomes = outcomes;
        this.finish = finish;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The state it came to (EXECUTING while an order is unconfirmed), or empty when it was not APPROVED any more or the sweep took it. */
    Optional<ProposalState> execute(Proposal p, Map<String, BigDecimal> prices) {
        Instant beat = now();
        if (!proposals.move(p.id(), ProposalState.APPROVED, ProposalState.EXECUTING, beat)) {
            return Optional.empty();
        }
        boolean stopped = false;
        int sequence = 0;
        for (PlannedTrade trade : p.trades()) {
            sequence++;
            Symbol pair = new Symbol(trade.asset(), "USDT");
            if (stopped) {
                orders.notSent(p.id(), sequence, pair.toString(), trade.side().name(), trade.quantity(), now());
                continue;
            }
            Instant next = now();
            if (!proposals.touch(p.id(), beat, next)) {
                return Optional.empty(); // the sweep took it over (an execution slower than stuck-after): it only looks orders up
            }
            beat = next;
            Orders.Order order = orders.record(p.id(), sequence, pair.toString(), trade.side().name(), trade.quantity(), Orders.State.RECORDED, now());
            if (!orders.sent(order.id(), now())) {
                return Optional.empty(); // the sweep settled this order meanwhile: it is never sent, the sweep ends the proposal
            }
            next = now();
            if (!proposals.touch(p.id(), beat, next)) {
                return Optional.empty(); // the sweep took it over since: not sent (marked SENT, the sweep's look-up finds nothing and ends it NOT_SENT)
            }
            beat = next;
            SpotOrderResult result = trading.marketOrder(p.accountId(),
                    new SpotTrading.SpotOrder(pair, SpotTrading.Side.valueOf(trade.side().name()), trade.quantity(), order.clientOrderId()));
            if (result instanceof SpotOrderResult.Unknown) {
                SpotOrderResult looked = trading.lookup(p.accountId(), pair, order.clientOrderId());
                if (!(looked instanceof SpotOrderResult.NotFound)) {
                    result = looked; // a NotFound right after a timeout may be an order in flight: it stays Unknown
                }
            }
            stopped = !store(order.id(), trade.quantity(), result);
            next = now();
            if (!proposals.touch(p.id(), beat, next)) {
                return Optional.empty();
            }
            beat = next;
        }
        Outcomes.Outcome outcome = outcomes.of(p, orders.of(p.id()), prices, null);
        Instant previous = beat;
        Instant end = now();
        boolean ended = Boolean.TRUE.equals(transaction.execute(status -> outcome.state() == ProposalState.EXECUTING
                ? proposals.pending(p.id(), previous, outcome.summary(), end)
                : finish.finishStamped(p, previous, outcome, end)));
        return ended ? Optional.of(outcome.state()) : Optional.empty();
    }

    /** Stores an answer; true when the order was filled in full (the sequence goes on). */
    boolean store(long order, BigDecimal asked, SpotOrderResult result) {
        switch (result) {
            case SpotOrderResult.Filled filled -> {
                orders.filled(order, filled.exchangeOrderId(), filled.executedQuantity(), filled.quoteQuantity(), filled.fee(), filled.feeAsset(),
                        filled.at() == null ? now() : filled.at());
                return filled.executedQuantity() != null && filled.executedQuantity().compareTo(asked) >= 0;
            }
            case SpotOrderResult.Rejected rejected -> orders.ended(order, Orders.State.REJECTED, rejected.reason(), now());
            case SpotOrderResult.Unknown unknown -> orders.ended(order, Orders.State.UNKNOWN, unknown.reason(), now());
            case SpotOrderResult.NotFound ignored -> orders.ended(order, Orders.State.UNKNOWN,
                    "the exchange does not show the order yet", now());
        }
        return false;
    }

    private Instant now() {
        return Proposals.stamp(clock.instant());
    }
}
