package io.signaldesk.portfolio.rebalance.plan;

import java.math.BigDecimal;
import java.util.List;

/** What {@link RebalancePlanner} proposes. */
public sealed interface Plan {

    /** The drift is at or under the threshold, or the wallet is worth nothing (drift 0): nothing to do. */
    record Balanced(BigDecimal driftPp, Allocation current) implements Plan {
    }

    /**
     * Trades towards the target, sells first; {@code skipped} names assets whose trade fell under a minimum. An empty
     * {@code trades} means nothing can be done: every trade is under a minimum (all named in {@code skipped}), and
     * {@code after} equals {@code before}; callers treat it as no proposal (never a card to approve).
     */
    record Trades(BigDecimal driftPp, Allocation before, Allocation after, List<PlannedTrade> trades, BigDecimal feesUsdt,
                  List<String> skipped) implements Plan {
    }

    /** Cannot plan: these held assets have no price. */
    record Unpriced(List<String> assets) implements Plan {
    }
}
