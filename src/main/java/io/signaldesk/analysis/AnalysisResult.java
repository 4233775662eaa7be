package io.signaldesk.analysis;

import java.time.Duration;
import java.time.Instant;

/**
 * What asking for an analysis gave: the key's answer, or why there is none. {@link #key()} is null when
 * no analysis could run, and then the proposal is a HOLD saying why. {@link #askAgain()} tells a
 * scheduled run to ask again soon, within its candle's window, instead of taking the answer as final.
 */
public sealed interface AnalysisResult {

    AnalysisKey key();

    Proposal proposal();

    /** Whether nothing final was given and the same request may succeed in a moment. */
    default boolean askAgain() {
        return false;
    }

    /** The key's answer: stored (found or computed), or a HOLD for an analysis that failed, which is not stored. */
    record Analysed(AnalysisKey key, Proposal proposal) implements AnalysisResult {
    }

    /** No analysis could run (unknown analyst, stale data): the proposal is a HOLD saying why. */
    record NotAnalysed(Proposal proposal) implements AnalysisResult {
        @Override
        public AnalysisKey key() {
            return null;
        }
    }

    /**
     * The base candle the request is for (opening at {@code candleOpen}) is not stored yet: a late sync.
     * The proposal is a HOLD saying so.
     */
    record CandleMissing(Instant candleOpen, Proposal proposal) implements AnalysisResult {
        @Override
        public AnalysisKey key() {
            return null;
        }

        @Override
        public boolean askAgain() {
            return true;
        }
    }

    /**
     * The analyst answered "not now" ({@link AnalystNotNow}: the LLM's per-minute limit) and this was not
     * the last ask: nothing is stored for the key. The proposal is what it would have fallen back to;
     * {@code retryIn} how soon an ask may be granted ({@link AnalystNotNow#retryIn()}).
     */
    record Deferred(AnalysisKey key, Proposal proposal, String reason, Duration retryIn) implements AnalysisResult {
        @Override
        public boolean askAgain() {
            return true;
        }
    }
}
