package io.signaldesk.accounts.exchange;

import java.util.Optional;
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

    /** Reads an exchange's answer (any status, JSON body) and tells whether it is an error, and which. */
    @FunctionalInterface
    public interface Reader {
        Optional<ExchangeError> read(int status, JsonNode body);
    }
}
