package io.signaldesk.signals.outcome;

/** What one judging run found: the signal ended, or how far it got (possibly no further). */
sealed interface Judgement {

    Judging judging();

    /** The signal ended with {@code outcome}; {@code judging} is where that was seen. */
    record Closed(Outcome outcome, Judging judging) implements Judgement {
    }

    /** Still open; {@code judging} is the progress to store. */
    record Open(Judging judging) implements Judgement {
    }
}
