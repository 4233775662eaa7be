package io.signaldesk.accounts.exchange;

import java.net.URI;
import java.time.Duration;

/**
 * One exchange's signed-call settings ({@code signaldesk.accounts.exchanges.<id>.*}).
 *
 * @param baseUrl           REST base URL (null: the exchange's own, or its testnet's)
 * @param futuresBaseUrl    where futures live on another host (Binance's fapi); null: the default
 * @param testnet           use the exchange's testnet where it has one for private calls
 * @param timeout           connect and read timeout of one request
 * @param requestsPerSecond our own pace of signed calls, all users together
 * @param maxAttempts       attempts per call, the first included, for transient failures
 * @param backoff           wait before the first retry; doubled for each further one
 */
public record AccountSettings(
        URI baseUrl,
        URI futuresBaseUrl,
        boolean testnet,
        Duration timeout,
        int requestsPerSecond,
        int maxAttempts,
        Duration backoff) {

    /** The configured base URL, or {@code fallback} (the exchange's own, chosen by the adapter). */
    public String baseUrlOr(String fallback) {
        return baseUrl == null ? fallback : stripSlash(baseUrl.toString());
    }

    public String futuresBaseUrlOr(String fallback) {
        return futuresBaseUrl == null ? fallback : stripSlash(futuresBaseUrl.toString());
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
