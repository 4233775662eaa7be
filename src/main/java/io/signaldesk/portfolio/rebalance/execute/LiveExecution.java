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
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Executes an approved proposal with live market orders through {@link SpotTrading}: APPROVED → EXECUTING committed
 * first; then each trade, sells first, is recorded (RECORDED, with its client order id) and committed BEFORE it is sent,
 * marked SENT, sent, and its answer stored (FILLED with the exchange's order id and fill, or REJECTED). An Unknown answer
 * is looked up once by its client order id; still unknown, the order stays UNKNOWN. A rejection or an unknown stops the
 * sequence: the rest are NOT_SENT. Nothing is ever sent twice: the sweep ({@link RecoverExecutions}) only looks orders up.
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

    /** The final state, or empty when the proposal was not APPROVED any more. */
    Optional<ProposalState> execute(Proposal p, Map<String, BigDecimal> prices) {
        if (!proposals.move(p.id(), ProposalState.APPROVED, ProposalState.EXECUTING, clock.instant())) {
            return Optional.empty();
        }
        boolean stopped = false;
        int sequence = 0;
        for (PlannedTrade trade : p.trades()) {
            sequence++;
            Symbol pair = new Symbol(trade.asset(), "USDT");
            if (!stopped && !proposals.touch(p.id(), clock.instant())) {
                return Optional.empty(); // the sweep took it over (an execution slower than stuck-after): it only looks orders up
            }
            if (stopped) {
                orders.record(p.id(), sequence, pair.toString(), trade.side().name(), trade.quantity(), Orders.State.NOT_SENT, clock.instant());
                continue;
            }
            long order = orders.record(p.id(), sequence, pair.toString(), trade.side().name(), trade.quantity(), Orders.State.RECORDED,
                    clock.instant());
            String clientOrderId = Orders.clientOrderId(p.id(), sequence);
            orders.sent(order, clock.instant());
            SpotOrderResult result = trading.marketOrder(p.accountId(),
                    new SpotTrading.SpotOrder(pair, SpotTrading.Side.valueOf(trade.side().name()), trade.quantity(), clientOrderId));
            if (result instanceof SpotOrderResult.Unknown) {
                result = trading.lookup(p.accountId(), pair, clientOrderId);
            }
            stopped = !store(order, result);
        }
        Outcomes.Outcome outcome = outcomes.of(p, orders.of(p.id()), prices, null);
        transaction.executeWithoutResult(status -> finish.finish(p, ProposalState.EXECUTING, outcome, clock.instant()));
        return Optional.of(outcome.state());
    }

    /** Stores an answer; true when the order was filled (the sequence goes on). */
    boolean store(long order, SpotOrderResult result) {
        switch (result) {
            case SpotOrderResult.Filled filled -> {
                orders.filled(order, filled.exchangeOrderId(), filled.executedQuantity(), filled.quoteQuantity(), filled.fee(), filled.feeAsset(),
                        filled.at() == null ? clock.instant() : filled.at());
                return true;
            }
            case SpotOrderResult.Rejected rejected -> orders.ended(order, Orders.State.REJECTED, rejected.reason(), clock.instant());
            case SpotOrderResult.Unknown unknown -> orders.ended(order, Orders.State.UNKNOWN, unknown.reason(), clock.instant());
            case SpotOrderResult.NotFound ignored -> orders.ended(order, Orders.State.REJECTED,
                    "the exchange has no such order: it never received it", clock.instant());
        }
        return false;
    }
}
