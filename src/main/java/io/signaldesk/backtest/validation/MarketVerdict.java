package io.signaldesk.backtest.validation;

import io.signaldesk.chat.LocalizedText;

/**
 * The validation's verdict for a bot on a market (exchange and pair), from that night's runs on it.
 *
 * @param line  the one line shown with the bot there, figures included, in both languages
 * @param basis the run the figures come from; null when there is none
 */
record MarketVerdict(Kind kind, LocalizedText line, NightlyRun basis) {

    enum Kind {
        /** Every run passed the bar and beat the null baseline at 95 %. */
        VALIDATED,
        /** A complete run failed the bar or the baseline: conclusive, so it acts (pauses or flags). */
        FAILED,
        /** No conclusion: history was missing, a backtest failed or did not finish. Never validated, acts on nothing. */
        INCOMPLETE,
        /** Simulated exchange data: never validated, acts on nothing. */
        SIMULATED
    }
}
