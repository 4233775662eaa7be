package io.signaldesk.market.exchange;

import io.signaldesk.market.ExchangeId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GET + JSON for the adapters that talk to an exchange's REST API directly (where XChange has no
 * candle call). HTTP-level failures become {@link ExchangeFailure}s here (429 / 418: rate limited,
 * with Retry-After; 5xx, 403 (an IP or WAF block) and network errors: unavailable; other 4xx:
 * rejected; not JSON: malformed);
 * each adapter then reads its exchange's own error envelope from a 2xx answer.
 */
public final class ExchangeHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ExchangeId exchange;
    private final String baseUrl;
    private final RestClient rest;

    public ExchangeHttp(ExchangeId exchange, String baseUrl, Duration timeout) {
        this.exchange = exchange;
        this.baseUrl = baseUrl;
        var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(timeout).build());
        factory.setReadTimeout(timeout);
        this.rest = RestClient.builder().requestFactory(factory).build();
    }

    public JsonNode get(String path, Map<String, ?> query) {
        var uri = UriComponentsBuilder.fromUriString(baseUrl + path);
        query.forEach((name, value) -> {
            if (value != null) {
                uri.queryParam(name, value);
            }
        });
        URI target = uri.build().encode().toUri();
        try {
            return rest.get().uri(target).exchange((request, response) ->
                    read(response.getStatusCode(), response.getHeaders(), new String(response.getBody().readAllBytes())));
        } catch (ResourceAccessException e) {
            throw new ExchangeFailure.Unavailable(exchange.displayName() + " cannot be reached: " + rootMessage(e), e);
        }
    }

    private JsonNode read(HttpStatusCode status, HttpHeaders headers, String body) throws IOException {
        String name = exchange.displayName();
        int code = status.value();
        if (code == 429 || code == 418) {
            throw new ExchangeFailure.RateLimited(name + " answered HTTP " + code + ": " + snippet(body), retryAfter(headers));
        }
        if (status.is5xxServerError() || code == 403) {
            throw new ExchangeFailure.Unavailable(name + " answered HTTP " + code + ": " + snippet(body), null);
        }
        if (status.is4xxClientError()) {
            throw new ExchangeFailure.Rejected(name + " refused the request (HTTP " + code + "): " + snippet(body));
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new ExchangeFailure.Malformed(name + " sent an answer that is not JSON: " + snippet(body), e);
        }
        if (json == null || json.isMissingNode() || json.isNull()) {
            throw new ExchangeFailure.Malformed(name + " sent an empty answer (HTTP " + code + ")", null);
        }
        return json;
    }

    private static Duration retryAfter(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException httpDate) {
            return null;
        }
    }

    private static String snippet(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
