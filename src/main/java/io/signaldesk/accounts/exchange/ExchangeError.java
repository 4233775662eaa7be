package io.signaldesk.accounts.exchange;

import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * An exchange's own error, read by its adapter from the answer's envelope (Binance {@code code}/{@code msg}, Bybit
 * {@code retCode}/{@code retMsg}, OKX {@code code}/{@code msg}, …). {@link SignedHttp} turns it into the matching
 * {@link AccountFailure}, with the text scrubbed.
 *
 * @param detail the exchange's code and message, e.g. {@code code -2015: Invalid API-key, IP, or permissions for action.}
 */
public record ExchangeError(Kind kind, String detail) {

    public enum Kind {
        KEY_REJECTED, RATE_LIMITED, UNAVAILABLE, MALFORMED
    }

    public static ExchangeError keyRejected(String detail) {
        return new ExchangeError(Kind.KEY_REJECTED, detail);
    }

    public static ExchangeError rateLimited(String detail) {
        return new ExchangeError(Kind.RATE_LIMITED, detail);
    }

    public static ExchangeError unavailable(String detail) {
        return new ExchangeError(Kind.UNAVAILABLE, detail);
    }

    public static ExchangeError malformed(String detail) {
        return new ExchangeError(Kind.MALFORMED, detail);
    }

    /**
     * An exchange's error codes by meaning: which say the key is rejected, too many requests, or a passing fault on its
     * side; any other code is taken as an answer we do not understand (malformed).
     */
    public record Codes(Set<String> keyRejected, Set<String> rateLimited, Set<String> unavailable) {

        /** The error of a {@code {"code": …, "msg": …}} envelope, or empty when its code is {@code ok} (or absent). */
        public Optional<ExchangeError> read(int status, JsonNode body, String ok) {
            JsonNode code = body.get("code");
            if (code == null || code.asString().equals(ok)) {
                return Optional.empty();
            }
            String value = code.asString();
            JsonNode msg = body.get("msg");
            String detail = "code " + value + ": " + (msg == null ? "" : msg.asString());
            if (keyRejected.contains(value)) {
                return Optional.of(ExchangeError.keyRejected(detail));
            }
            if (rateLimited.contains(value)) {
                return Optional.of(ExchangeError.rateLimited(detail));
            }
            return Optional.of(unavailable.contains(value) || status >= 500 ? ExchangeError.unavailable(detail) : ExchangeError.malformed(detail));
        }
    }

    /** Reads an exchange's answer (any status, JSON body) and tells whether it is an error, and which. */
    @FunctionalInterface
    public interface Reader {
        Optional<ExchangeError> read(int status, JsonNode body);
    }
}
