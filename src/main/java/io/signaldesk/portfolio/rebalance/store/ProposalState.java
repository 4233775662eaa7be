package io.signaldesk.portfolio.rebalance.store;

/**
 * A proposal's life: PROPOSED → APPROVED → EXECUTING → EXECUTED / PARTIALLY_EXECUTED / FAILED, or PROPOSED → REJECTED /
 * EXPIRED / SUPERSEDED (APPROVED → SUPERSEDED too, when Approve found the prices moved). Every change is a
 * compare-and-set in the database ({@link Proposals#move}).
 */
public enum ProposalState {
    PROPOSED, APPROVED, EXECUTING, EXECUTED, PARTIALLY_EXECUTED, FAILED, REJECTED, EXPIRED, SUPERSEDED;

    /** Nothing more will happen to it. */
    public boolean finished() {
        return this != PROPOSED && this != APPROVED && this != EXECUTING;
    }
}
