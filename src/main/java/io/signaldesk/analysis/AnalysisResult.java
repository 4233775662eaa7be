package io.signaldesk.analysis;

/**
 * A proposal and the key it was computed (or found) for; {@code key} is null when no analysis could
 * run (stale data, unknown analyst), and then the proposal is a HOLD saying why.
 */
public record AnalysisResult(AnalysisKey key, Proposal proposal) {
}
