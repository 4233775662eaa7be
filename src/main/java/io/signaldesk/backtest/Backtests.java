package io.signaldesk.backtest;

import org.springframework.stereotype.Component;

/**
 * The facade: runs one backtest end to end (history, replay, metrics, baseline). Blocking; callers run it
 * on their own worker. Bad requests are refused before anything starts ({@link BacktestRefused}).
 */
@Component
public class Backtests {

    /** Runs the request; throws {@link BacktestRefused} with a user-facing reason for a request that cannot run. */
    public BacktestReport run(BacktestRequest request, BacktestProgress progress) {
        throw new UnsupportedOperationException("built by the replay work of issue 14");
    }
}
