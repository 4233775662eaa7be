package io.signaldesk.analysis.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/** What a failed model request means: its outcome, and why in words a chat user may read. */
final class CallFailure {

    private CallFailure() {
    }

    static LlmCalls.CallOutcome outcome(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
                return LlmCalls.CallOutcome.TIMEOUT;
            }
            if (cause instanceof RateLimitException) {
                return LlmCalls.CallOutcome.RATE_LIMITED;
            }
        }
        return LlmCalls.CallOutcome.PROVIDER_ERROR;
    }

    /** The outcome and the HTTP status, never the provider's own text (it may echo a header or a key). */
    static String reason(LlmCalls.CallOutcome outcome, Throwable e, Duration timeout) {
        return switch (outcome) {
            case TIMEOUT -> "the model did not answer within " + timeout.toMillis() + " ms";
            case RATE_LIMITED -> "the provider rate-limited the request";
            default -> httpStatus(e).map(status -> "the provider answered HTTP " + status)
                    .orElse("the provider could not be reached (" + e.getClass().getSimpleName() + ")");
        };
    }

    /** LangChain4j maps an HTTP error to its own exceptions with the {@link HttpException} as a cause. */
    private static Optional<Integer> httpStatus(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpException http) {
                return Optional.of(http.statusCode());
            }
        }
        return Optional.empty();
    }
}
