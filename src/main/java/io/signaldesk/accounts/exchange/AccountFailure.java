package io.signaldesk.accounts.exchange;

import java.time.Duration;

/**
 * Why a signed account call failed. Messages name the exchange, the HTTP status and the exchange's own error text,
 * never a key, a secret, a signature or a signed URL.
 */
public abstract sealed class AccountFailure extends RuntimeException {

    private AccountFailure(String message, Throwable cause) {
        super(message, cause, false, true);
    }

    /** The key, its secret or passphrase is wrong, revoked, expired, or not allowed from this IP: retrying cannot help. */
    public static final class KeyRejected extends AccountFailure {
        public KeyRejected(String message) {
            super(message, null);
        }
    }

    /** Network error, timeout, 5xx, an open circuit: the exchange could not answer now. */
    public static final class Unavailable extends AccountFailure {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** 429 / 418 or the exchange's own "too many requests". */
    public static final class RateLimited extends AccountFailure {
        private final Duration retryAfter;

        public RateLimited(String message, Duration retryAfter) {
            super(message, null);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** An answer that is not what the exchange documents. */
    public static final class Malformed extends AccountFailure {
        public Malformed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
