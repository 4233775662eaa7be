package io.signaldesk.analysis;

/** What a proposal advises. */
public enum Action {
    BUY, SELL, HOLD;

    public boolean actionable() {
        return this != HOLD;
    }
}
