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

    /** A Retry-After longer than this (an IP ban) is not waited out: the call fails and the series goes stale. */
    public static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    /** Whether retrying soon can help: not for a refused request, nor when told to wait longer than {@link #LONGEST_WAIT}. */
    public boolean transientFailure() {
        return switch (this) {
            case Rejected rejected -> false;
            case RateLimited limited -> limited.retryAfter() == null || limited.retryAfter().compareTo(LONGEST_WAIT) <= 0;
            default -> true;
        };
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
