package io.signaldesk.market.exchange;

import io.signaldesk.market.ExchangeId;
import java.io.IOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Optional;
import java.util.function.Function;
import org.knowm.xchange.exceptions.ExchangeUnavailableException;
import org.knowm.xchange.exceptions.RateLimitExceededException;
import si.mazi.rescu.HttpStatusException;

/**
 * Turns whatever an XChange call threw (rescu's HTTP status exceptions, XChange's own, Jackson 2
 * parse errors, I/O errors) into an {@link ExchangeFailure}. An adapter may first recognise its
 * exchange's error codes with {@code byExchangeCode}.
 */
public final class XChangeFailures {

    private XChangeFailures() {
    }

    public static ExchangeFailure classify(ExchangeId exchange, Exception e,
                                           Function<Exception, Optional<ExchangeFailure>> byExchangeCode) {
        if (e instanceof ExchangeFailure failure) {
            return failure;
        }
        if (e instanceof UndeclaredThrowableException proxied && proxied.getUndeclaredThrowable() instanceof Exception cause) {
            return classify(exchange, cause, byExchangeCode);
        }
        Optional<ExchangeFailure> known = byExchangeCode.apply(e);
        if (known.isPresent()) {
            return known.get();
        }
        String name = exchange.displayName();
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof RateLimitExceededException) {
            return new ExchangeFailure.RateLimited(name + " rate limit: " + detail, null);
        }
        int status = e instanceof HttpStatusException http ? http.getHttpStatusCode() : 0;
        if (status == 429 || status == 418) {
            return new ExchangeFailure.RateLimited(name + " answered HTTP " + status + ": " + detail, null);
        }
        if (status >= 500 || e instanceof ExchangeUnavailableException) {
            return new ExchangeFailure.Unavailable(name + " answered HTTP " + status + ": " + detail, e);
        }
        if (causedBy(e, com.fasterxml.jackson.core.JacksonException.class)) {
            return new ExchangeFailure.Malformed(name + " sent an answer that is not its documented JSON: " + detail, e);
        }
        if (status >= 400) {
            return new ExchangeFailure.Rejected(name + " refused the request (HTTP " + status + "): " + detail);
        }
        if (causedBy(e, IOException.class)) {
            return new ExchangeFailure.Unavailable(name + " cannot be reached: " + detail, e);
        }
        if (e instanceof org.knowm.xchange.exceptions.ExchangeException) {
            return new ExchangeFailure.Rejected(name + " refused the request: " + detail);
        }
        return new ExchangeFailure.Malformed(name + " sent an answer we cannot read: " + detail, e);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
