package io.signaldesk.backtest;

/** A backtest that cannot run as asked; the message says what was wrong and what would do. */
public class BacktestRefused extends RuntimeException {

    public BacktestRefused(String message) {
        super(message);
    }
}
