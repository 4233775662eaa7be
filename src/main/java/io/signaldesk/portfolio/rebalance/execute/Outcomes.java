package io.signaldesk.portfolio.rebalance.execute;

import io.signaldesk.chat.UserLocales;
import io.signaldesk.portfolio.rebalance.RebalanceText;
import io.signaldesk.portfolio.rebalance.plan.Allocation;
import io.signaldesk.portfolio.rebalance.plan.Share;
import io.signaldesk.portfolio.rebalance.store.Orders;
import io.signaldesk.portfolio.rebalance.store.Proposal;
import io.signaldesk.portfolio.rebalance.store.ProposalState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * What an execution came to, from its orders: while any order is unconfirmed (RECORDED, SENT, UNKNOWN) it is not over
 * (EXECUTING: the sweep looks those up); else every order filled in full: EXECUTED; none filled at all: FAILED; else
 * (a partial fill included) PARTIALLY_EXECUTED. With the owner's summary (in their language: a partial fill says how
 * much of how much, nothing confirmed says so) and the allocation once the filled orders were done, valued at the prices
 * given.
 */
@Component
class Outcomes {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final RebalanceText text;
    private final UserLocales locales;

    Outcomes(RebalanceText text, UserLocales locales) {
        this.text = text;
        this.locales = locales;
    }

    record Outcome(ProposalState state, String summary, Allocation allocation) {
    }

    Outcome of(Proposal proposal, List<Orders.Order> orders, Map<String, BigDecimal> prices, String tail) {
        Locale locale = locales.of(proposal.userId());
        long filled = orders.stream().filter(order -> order.state() == Orders.State.FILLED).count();
        long full = orders.stream().filter(order -> order.state() == Orders.State.FILLED && !order.partial()).count();
        long open = orders.stream().filter(order -> Orders.OPEN.contains(order.state())).count();
        int total = proposal.trades().size();
        ProposalState state = open > 0 ? ProposalState.EXECUTING
                : full == total ? ProposalState.EXECUTED
                : filled == 0 ? ProposalState.FAILED : ProposalState.PARTIALLY_EXECUTED;
        List<String> parts = new ArrayList<>();
        parts.add(open > 0 && filled == 0 ? text.get(locale, "rebalance.result.pending", open) : text.get(locale, "rebalance.result.filled", full, total));
        for (Orders.Order order : orders) {
            String side = text.get(locale, "rebalance.side." + order.side());
            if (order.partial()) {
                parts.add(text.get(locale, "rebalance.result.partial", order.sequence(), side, RebalanceText.plain(order.quantity()), order.asset(),
                        RebalanceText.plain(order.executedQuantity())));
            } else if (order.state() == Orders.State.REJECTED) {
                parts.add(text.get(locale, "rebalance.result.stopped", order.sequence(), side, RebalanceText.plain(order.quantity()), order.asset(),
                        order.error() == null ? "-" : order.error()));
            } else if (Orders.OPEN.contains(order.state())) {
                parts.add(text.get(locale, "rebalance.result.unknown", order.sequence(), side, RebalanceText.plain(order.quantity()), order.asset(),
                        order.error() == null ? "-" : order.error()));
            }
        }
        long notSent = orders.stream().filter(order -> order.state() == Orders.State.NOT_SENT).count();
        if (notSent > 0) {
            parts.add(text.get(locale, "rebalance.result.not-sent", notSent));
        }
        if (filled > 0) {
            parts.add(text.get(locale, "rebalance.result.fees", fees(orders)));
        }
        if (tail != null) {
            parts.add(tail);
        }
        return new Outcome(state, String.join("; ", parts), filled == 0 ? null : allocation(proposal, orders, prices));
    }

    /** "1.50 USDT" or "1.50 USDT + 0.001 BNB". */
    static String fees(List<Orders.Order> orders) {
        Map<String, BigDecimal> byAsset = new TreeMap<>();
        orders.stream().filter(order -> order.state() == Orders.State.FILLED && order.fee() != null)
                .forEach(order -> byAsset.merge(order.feeAsset() == null ? "USDT" : order.feeAsset(), order.fee(), BigDecimal::add));
        List<String> parts = new ArrayList<>();
        byAsset.forEach((asset, fee) -> parts.add(("USDT".equals(asset) ? RebalanceText.usdt(fee) : RebalanceText.plain(fee)) + " " + asset));
        return parts.isEmpty() ? "0 USDT" : String.join(" + ", parts);
    }

    /** The wallet before (its values at the proposal's prices), changed by the filled orders, valued at {@code prices}. */
    static Allocation allocation(Proposal proposal, List<Orders.Order> orders, Map<String, BigDecimal> prices) {
        Map<String, BigDecimal> quantities = new TreeMap<>();
        for (Share share : proposal.before().shares()) {
            BigDecimal price = "USDT".equals(share.asset()) ? BigDecimal.ONE : proposal.prices().get(share.asset());
            if (price != null && price.signum() > 0) {
                quantities.put(share.asset(), share.valueUsdt().divide(price, 18, RoundingMode.HALF_EVEN));
            }
        }
        for (Orders.Order order : orders) {
            if (order.state() != Orders.State.FILLED) {
                continue;
            }
            BigDecimal quantity = order.executedQuantity();
            BigDecimal quote = order.quoteQuantity();
            boolean buy = "BUY".equals(order.side());
            quantities.merge(order.asset(), buy ? quantity : quantity.negate(), BigDecimal::add);
            quantities.merge("USDT", buy ? quote.negate() : quote, BigDecimal::add);
            if (order.fee() != null && order.feeAsset() != null) {
                quantities.merge(order.feeAsset(), order.fee().negate(), BigDecimal::add);
            }
        }
        Map<String, BigDecimal> values = new TreeMap<>();
        quantities.forEach((asset, quantity) -> {
            BigDecimal price = "USDT".equals(asset) ? BigDecimal.ONE : prices.getOrDefault(asset, proposal.prices().get(asset));
            if (price != null && quantity.signum() > 0) {
                values.put(asset, quantity.multiply(price).setScale(8, RoundingMode.HALF_EVEN));
            }
        });
        BigDecimal total = values.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Share> shares = values.entrySet().stream()
                .map(entry -> new Share(entry.getKey(), entry.getValue(), total.signum() == 0 ? BigDecimal.ZERO.setScale(2)
                        : entry.getValue().multiply(HUNDRED).divide(total, 2, RoundingMode.HALF_EVEN)))
                .sorted(Comparator.comparing(Share::valueUsdt).reversed().thenComparing(Share::asset)).toList();
        return new Allocation(total, shares);
    }
}
