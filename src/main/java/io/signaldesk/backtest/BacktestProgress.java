package io.signaldesk.backtest;

/** What a running backtest reports as it goes (a chat message edited with it). Calls come from the worker thread. */
public interface BacktestProgress {

    BacktestProgress NONE = new BacktestProgress() {
    };

    /** {@code page} of about {@code pages} pages of history fetched from the exchange. */
    default void fetching(int page, int pages) {
    }

    /** {@code percent} of the decision points replayed. */
    default void replaying(int percent) {
    }
}
