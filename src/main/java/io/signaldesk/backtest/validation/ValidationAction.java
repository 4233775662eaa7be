package io.signaldesk.backtest.validation;

/** What a failing verdict does (SIGNALDESK_VALIDATION_ACTION). */
public enum ValidationAction {
    /**
     * The seed's default: the bot's subscriptions on that market are paused (their owners told once, with the
     * figures) and resumed, and told, when a later validation passes.
     */
    DISABLE,
    /** Nothing is paused: signals keep flowing, each message marked with the bot's "⚠ not validated" line. */
    FLAG
}
