package io.signaldesk.portfolio.rebalance.plan;

/** Turns a wallet and a target into a {@link Plan}: pure and deterministic, no Spring. */
public final class RebalancePlanner {

    private RebalancePlanner() {
    }

    public static Plan plan(PlanInput input) {
        throw new UnsupportedOperationException("not yet");
    }
}
