package io.signaldesk.portfolio.rebalance.execute;

import io.signaldesk.accounts.SpotWallets;
import io.signaldesk.portfolio.rebalance.RebalanceProperties;
import io.signaldesk.portfolio.rebalance.plan.PlannedTrade;
import io.signaldesk.portfolio.rebalance.plan.Side;
import io.signaldesk.portfolio.rebalance.store.Orders;
import io.signaldesk.portfolio.rebalance.store.Proposal;
import io.signaldesk.portfolio.rebalance.store.ProposalState;
import io.signaldesk.portfolio.rebalance.store.Proposals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Executes an approved proposal on the paper account, in one transaction: APPROVED → EXECUTING, each trade (sells
 * first) filled at the price now with fee = notional × fee rate in USDT (a sell brings notional − fee, a buy costs
 * notional + fee), the paper wallet changed with its rows locked; a trade the wallet cannot pay stops the rest (NOT_SENT);
 * then the final state and the confirmation. An interruption rolls all of it back (the sweep then fails the APPROVED
 * proposal: nothing was done).
 */
@Component
class PaperExecution {

    private final Proposals proposals;
    private final Orders orders;
    private final SpotWallets wallets;
    private final Outcomes outcomes;
    private final Finish finish;
    private final RebalanceProperties properties;

    PaperExecution(Proposals proposals, Orders orders, SpotWallets wallets, Outcomes outcomes, Finish finish, RebalanceProperties properties) {
        this.proposals = proposals;
        this.orders = orders;
        this.wallets = wallets;
        this.outcomes = outcomes;
        this.finish = finish;
        this.properties = properties;
    }

    /** The final state, or empty when the proposal was not APPROVED any more. */
    @Transactional
    public Optional<ProposalState> execute(Proposal p, Map<String, BigDecimal> prices, Instant now) {
        if (!proposals.move(p.id(), ProposalState.APPROVED, ProposalState.EXECUTING, now)) {
            return Optional.empty();
        }
        boolean stopped = false;
        int sequence = 0;
        for (PlannedTrade trade : p.trades()) {
            sequence++;
            String pair = trade.asset() + "/USDT";
            if (stopped) {
                orders.notSent(p.id(), sequence, pair, trade.side().name(), trade.quantity(), now);
                continue;
            }
            BigDecimal price = prices.getOrDefault(trade.asset(), trade.priceUsdt());
            BigDecimal notional = trade.quantity().multiply(price).setScale(8, RoundingMode.HALF_EVEN);
            BigDecimal fee = notional.multiply(properties.feeRate()).setScale(8, RoundingMode.HALF_EVEN);
            List<SpotWallets.Change> changes = trade.side() == Side.SELL
                    ? List.of(new SpotWallets.Change(trade.asset(), trade.quantity().negate()), new SpotWallets.Change("USDT", notional.subtract(fee)))
                    : List.of(new SpotWallets.Change("USDT", notional.add(fee).negate()), new SpotWallets.Change(trade.asset(), trade.quantity()));
            Orders.Order order = orders.record(p.id(), sequence, pair, trade.side().name(), trade.quantity(), Orders.State.RECORDED, now);
            Optional<String> refused = wallets.applyPaperFills(p.accountId(), changes);
            if (refused.isPresent()) {
                orders.ended(order.id(), Orders.State.REJECTED, refused.get(), now);
                stopped = true;
            } else {
                orders.filled(order.id(), "paper-" + order.clientOrderId(), trade.quantity(), notional, fee, "USDT", now);
            }
        }
        Outcomes.Outcome outcome = outcomes.of(p, orders.of(p.id()), prices, null);
        finish.finish(p, ProposalState.EXECUTING, outcome, now);
        return Optional.of(outcome.state());
    }
}
