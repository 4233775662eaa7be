package io.signaldesk.accounts.exchange;

import io.signaldesk.market.ExchangeId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one {@link SignedRequest} with the JDK's HTTP client and turns what goes wrong into an {@link AccountFailure}:
 * 429 / 418 rate limited (with Retry-After); 5xx, timeouts and network errors unavailable; 401 key rejected; the
 * exchange's own error envelope as its {@link ExchangeError.Reader} says (so a 403 with an auth error is a rejected
 * key, a bare 403 an IP or firewall block, hence unavailable); an answer that is not JSON malformed.
 *
 * <p>No failure ever holds the URL, the query, a header or a cause from the HTTP client or the JSON parser (their
 * messages may quote the signed URL or the body): a failure names the exchange, the method and path, the status and
 * the exchange's scrubbed error code and message, and nothing else (a raw body, often a proxy's error page, is never
 * repeated: it is neither shown to users nor stored).
 */
public final class SignedHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ExchangeId exchange;
    private final Duration timeout;
    private final HttpClient client;

    public SignedHttp(ExchangeId exchange, Duration timeout) {
        this.exchange = exchange;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    public JsonNode send(SignedRequest request, ExchangeError.Reader errors) {
        HttpResponse<String> response = exchange(request);
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        String name = exchange.displayName() + " " + request.where();
        if (status == 429 || status == 418) {
            throw new AccountFailure.RateLimited(name + ": too many requests (HTTP " + status + ")", retryAfter(response.headers()));
        }
        JsonNode json = parse(body);
        if (json == null) {
            throw notJson(name, status);
        }
        Optional<ExchangeError> error = errors.read(status, json);
        if (error.isPresent()) {
            throw failure(name, status, error.get(), request);
        }
        if (status >= 500) {
            throw new AccountFailure.Unavailable(name + " answered HTTP " + status, null);
        }
        if (status == 401) {
            throw new AccountFailure.KeyRejected(name + ": the key was refused (HTTP 401)");
        }
        if (status == 403) {
            throw new AccountFailure.Unavailable(name + ": access blocked (HTTP 403, an IP or firewall block)", null);
        }
        if (status >= 400) {
            throw new AccountFailure.Malformed(name + " refused the request (HTTP " + status + ")", null);
        }
        return json;
    }

    private HttpResponse<String> exchange(SignedRequest request) {
        String name = exchange.displayName() + " " + request.where();
        HttpRequest.Builder builder;
        try {
            URI uri = URI.create(request.baseUrl() + request.path() + (request.query().isEmpty() ? "" : "?" + request.query()));
            builder = HttpRequest.newBuilder(uri).timeout(timeout);
        } catch (IllegalArgumentException e) {
            // the exception quotes the URI, which holds the signed query: keep neither
            throw new IllegalStateException(name + ": the request URI could not be built");
        }
        try {
            request.headers().forEach(builder::header);
        } catch (IllegalArgumentException e) {
            // the JDK's message quotes the header's value: the key or the passphrase. A value no header can carry is a
            // wrong key, not the exchange's fault (so it neither retries nor counts against the exchange's breaker)
            throw new AccountFailure.KeyRejected(name + ": the key or passphrase holds characters an HTTP header cannot carry");
        }
        if (request.body() == null) {
            builder.GET();
        } else {
            builder.POST(HttpRequest.BodyPublishers.ofString(request.body()));
        }
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new AccountFailure.Unavailable(name + " did not answer within " + timeout.toMillis() + " ms", null);
        } catch (IOException e) {
            throw new AccountFailure.Unavailable(name + " cannot be reached (" + e.getClass().getSimpleName() + ")", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AccountFailure.Unavailable(name + ": interrupted", null);
        }
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json == null || json.isMissingNode() || json.isNull() ? null : json;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** An answer that is not JSON (often a proxy's or CDN's error page): named by its status only, its body never repeated. */
    private static AccountFailure notJson(String name, int status) {
        String text = " (HTTP " + status + ")";
        if (status >= 500) {
            return new AccountFailure.Unavailable(name + " answered an error page" + text, null);
        }
        if (status == 401) {
            return new AccountFailure.KeyRejected(name + ": the key was refused" + text);
        }
        if (status == 403) {
            return new AccountFailure.Unavailable(name + ": access blocked (an IP or firewall block)" + text, null);
        }
        return new AccountFailure.Malformed(name + " sent an answer that is not JSON" + text, null);
    }

    private static AccountFailure failure(String name, int status, ExchangeError error, SignedRequest request) {
        String text = name + " (HTTP " + status + "): " + request.redaction().apply(error.detail());
        return switch (error.kind()) {
            case KEY_REJECTED -> new AccountFailure.KeyRejected(text);
            case RATE_LIMITED -> new AccountFailure.RateLimited(text, null);
            case UNAVAILABLE -> new AccountFailure.Unavailable(text, null);
            case MALFORMED -> new AccountFailure.Malformed(text, null);
        };
    }

    private static Duration retryAfter(HttpHeaders headers) {
        return headers.firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
            } catch (NumberFormatException httpDate) {
                return Optional.empty();
            }
        }).orElse(null);
    }

}
