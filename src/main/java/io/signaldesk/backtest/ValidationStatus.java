package io.signaldesk.backtest;

import io.signaldesk.chat.LocalizedText;
import java.time.LocalDate;

/**
 * A bot's standing on one market after the last validation.
 *
 * @param verdict   what the last validation decided
 * @param on        the day of that validation; null when none ran
 * @param line      the one line shown with the bot ("validated 2026-11-30: Sharpe 1.3, DD 18 %",
 *                  "⚠ not validated: …", "not validated yet", "simulated data: never validated")
 */
public record ValidationStatus(Verdict verdict, LocalDate on, LocalizedText line) {

    public enum Verdict {
        /** Passed the bar and beat the null baseline at 95 %. */
        VALIDATED,
        /** Failed the bar or the baseline: the reason is in the line. */
        FAILED,
        /** No validation has run on this market yet. */
        NOT_YET,
        /** Simulated exchange data: never called validated. */
        SIMULATED
    }

    public boolean validated() {
        return verdict == Verdict.VALIDATED;
    }
}
