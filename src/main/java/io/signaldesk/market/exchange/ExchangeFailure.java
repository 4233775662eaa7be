package io.signaldesk.market.exchange;

import java.time.Duration;

/**
 * Why an exchange call failed. {@link Unavailable}, {@link RateLimited} and {@link Malformed} are
 * transient and retried; {@link Rejected} (the exchange refused the request itself, e.g. an unknown
 * symbol) is not.
 */
public abstract sealed class ExchangeFailure extends RuntimeException {

    private ExchangeFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public boolean transientFailure() {
        return !(this instanceof Rejected);
    }

    /** Network error, timeout, 5xx, or an open circuit. */
    public static final class Unavailable extends ExchangeFailure {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** 429 / 418 or the exchange's own "too many requests" code; wait {@link #retryAfter()} if it said. */
    public static final class RateLimited extends ExchangeFailure {
        private final Duration retryAfter;

        public RateLimited(String message, Duration retryAfter) {
            super(message, null);
            this.retryAfter = retryAfter;
        }

        /** How long the exchange asked us to wait, or null when it did not say. */
        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** An answer that is not what the exchange documents (bad JSON, missing fields). */
    public static final class Malformed extends ExchangeFailure {
        public Malformed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The exchange refused the request itself (unknown symbol, bad interval); retrying cannot help. */
    public static final class Rejected extends ExchangeFailure {
        public Rejected(String message) {
            super(message, null);
        }
    }
}
