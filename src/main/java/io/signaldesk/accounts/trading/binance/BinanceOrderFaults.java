package io.signaldesk.accounts.trading.binance;

import io.signaldesk.accounts.SpotTrading.SpotOrderResult;
import io.signaldesk.accounts.exchange.Redaction;
import java.io.IOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.net.SocketTimeoutException;
import java.util.Optional;
import java.util.Set;
import org.knowm.xchange.binance.dto.BinanceException;
import si.mazi.rescu.HttpStatusExceptionSupport;

/**
 * What a failed order call means, from what XChange (rescu) threw. Binance documents that a 4xx is the caller's
 * fault and the request was not executed, while a 5xx, a timeout and its codes -1000 (unknown), -1006 (unexpected
 * response) and -1007 (timeout waiting for the backend) leave the execution status UNKNOWN. So: a 4xx carrying a Binance
 * error code is {@link SpotOrderResult.Rejected}; anything else (a 5xx, a timeout, a network error, a 4xx without
 * Binance's error envelope, an answer we cannot read) is {@link SpotOrderResult.Unknown}. The reason names the status and
 * Binance's code and message (scrubbed of the key), never a URL, a header or a client exception's message.
 */
final class BinanceOrderFaults {

    /** Binance's codes that leave an order's fate unknown whatever the status. */
    private static final Set<Integer> FATE_UNKNOWN = Set.of(-1000, -1006, -1007);
    /** "Order does not exist." */
    static final int NO_SUCH_ORDER = -2013;

    private BinanceOrderFaults() {
    }

    /** A failed {@code POST /api/v3/order}. */
    static SpotOrderResult ofOrder(Exception failure, Redaction redaction) {
        Optional<BinanceException> binance = find(failure, BinanceException.class);
        if (binance.isPresent()) {
            int status = binance.get().getHttpStatusCode();
            int code = binance.get().getCode();
            String detail = detail(binance.get(), redaction);
            if (status >= 400 && status < 500 && !FATE_UNKNOWN.contains(code)) {
                return new SpotOrderResult.Rejected(detail);
            }
            return new SpotOrderResult.Unknown(detail + "; the order may or may not have been executed");
        }
        return new SpotOrderResult.Unknown(noAnswer(failure) + "; the order may or may not have been executed");
    }

    /** A failed lookup: -2013 means Binance never received the order; anything else tells nothing. */
    static SpotOrderResult ofLookup(Exception failure, Redaction redaction) {
        Optional<BinanceException> binance = find(failure, BinanceException.class);
        if (binance.isPresent() && binance.get().getCode() == NO_SUCH_ORDER && binance.get().getHttpStatusCode() < 500) {
            return new SpotOrderResult.NotFound();
        }
        return new SpotOrderResult.Unknown("the order could not be looked up: "
                + binance.map(found -> detail(found, redaction)).orElseGet(() -> noAnswer(failure)));
    }

    private static String detail(BinanceException binance, Redaction redaction) {
        String message = binance.getMessage() == null ? "" : binance.getMessage().replaceFirst(" \\(HTTP status code: \\d+\\)$", "");
        return "Binance answered HTTP " + binance.getHttpStatusCode() + ", code " + binance.getCode() + ": " + redaction.apply(message);
    }

    private static String noAnswer(Exception failure) {
        if (find(failure, SocketTimeoutException.class).isPresent()) {
            return "Binance did not answer in time";
        }
        Optional<HttpStatusExceptionSupport> status = find(failure, HttpStatusExceptionSupport.class);
        if (status.isPresent()) {
            return "Binance answered HTTP " + status.get().getHttpStatusCode() + " without its error code";
        }
        Optional<IOException> io = find(failure, IOException.class);
        if (io.isPresent()) {
            return "Binance could not be reached (" + io.get().getClass().getSimpleName() + ")";
        }
        // the message of an unexpected error is not known to be free of the signed URL: its type only
        return "Binance's answer could not be read (" + failure.getClass().getSimpleName() + ")";
    }

    private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    private static Throwable next(Throwable cause) {
        Throwable next = cause instanceof UndeclaredThrowableException undeclared ? undeclared.getUndeclaredThrowable() : cause.getCause();
        return next == cause ? null : next;
    }
}
