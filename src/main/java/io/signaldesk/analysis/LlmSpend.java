package io.signaldesk.analysis;

/**
 * Today's (UTC) model calls of one provider and model, for {@code /status}.
 *
 * @param failedCalls   calls that did not give a usable answer (timeouts, errors, invalid answers)
 * @param countedTokens what the daily budget counts: reported tokens, or the estimate where none were reported
 */
public record LlmSpend(String provider, String model, int calls, int failedCalls, long tokensIn, long tokensOut,
                       long countedTokens) {
}
