package io.signaldesk.backtest.validation;

import io.signaldesk.backtest.Baseline;
import java.time.LocalDate;
import java.util.List;

/**
 * A stored nightly backtest, as the validation reads it.
 *
 * @param state    RUNNING (claimed, not finished), DONE or FAILED (the backtest threw: {@code error} says why)
 * @param complete DONE with all the history it needed; otherwise {@code missing} or {@code error} says what was wrong
 * @param sharpe   NaN when undefined (no trade, flat equity)
 */
record NightlyRun(long id, LocalDate day, String bot, String exchange, String pair, List<String> timeframes, String state,
                  boolean complete, String missing, String error, int trades, double sharpe, double totalReturn,
                  double maxDrawdown, double baselinePercentile, Baseline.Edge edge) {

    NightlyRun {
        timeframes = List.copyOf(timeframes);
    }
}
