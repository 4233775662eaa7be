package io.signaldesk.accounts.exchange;

import java.util.Map;

/**
 * One signed call as the adapter built it. Only {@link #method()} and {@link #path()} may ever be shown; the query,
 * the body and the headers carry the key and the signature. {@link #toString()} shows the method and path alone.
 *
 * @param baseUrl   the host, e.g. {@code https://api.binance.com}
 * @param path      the path, shown in failures, e.g. {@code /api/v3/account}
 * @param query     the query string exactly as signed (already encoded), or empty
 * @param body      the request body exactly as signed, or null for a GET
 * @param headers   the exchange's headers (key, timestamp, signature, content type)
 * @param redaction what to scrub from anything the answer puts into a failure
 */
public record SignedRequest(String method, String baseUrl, String path, String query, String body, Map<String, String> headers,
        Redaction redaction) {

    public SignedRequest {
        query = query == null ? "" : query;
        headers = Map.copyOf(headers);
    }

    public static SignedRequest get(String baseUrl, String path, String query, Map<String, String> headers, Redaction redaction) {
        return new SignedRequest("GET", baseUrl, path, query, null, headers, redaction);
    }

    public static SignedRequest post(String baseUrl, String path, String query, String body, Map<String, String> headers,
            Redaction redaction) {
        return new SignedRequest("POST", baseUrl, path, query, body, headers, redaction);
    }

    /** How a failure names the call: method and path, never the query. */
    public String where() {
        return method + " " + path;
    }

    @Override
    public String toString() {
        return "SignedRequest[" + where() + "]";
    }
}
