package io.signaldesk.market.exchange;

import io.signaldesk.market.ExchangeId;
import java.net.URI;
import java.time.Duration;

/**
 * {@code signaldesk.exchanges.*}: shared call settings, one block per exchange, and the simulated
 * exchange's seed (the same seed, the same candles).
 */
@org.springframework.boot.context.properties.ConfigurationProperties("signaldesk.exchanges")
public record ExchangesProperties(
        Duration timeout,
        int maxAttempts,
        Duration backoff,
        Endpoint binance,
        Endpoint bybit,
        Endpoint okx,
        Endpoint bitget,
        Endpoint htx,
        Endpoint kraken,
        long simSeed) {

    public ExchangesProperties {
        if (timeout == null || timeout.isNegative() || timeout.isZero() || maxAttempts < 1 || backoff == null || backoff.isNegative()) {
            throw new IllegalArgumentException("signaldesk.exchanges: timeout must be positive (e.g. 10s), max-attempts at least 1, "
                    + "backoff not negative (e.g. 500ms)");
        }
        for (Endpoint endpoint : new Endpoint[] {binance, bybit, okx, bitget, htx, kraken}) {
            if (endpoint == null || endpoint.requestsPerSecond() < 1) {
                throw new IllegalArgumentException("signaldesk.exchanges.<id>.requests-per-second must be at least 1");
            }
        }
    }

    /**
     * @param baseUrl           REST base URL; empty: the exchange's own (or its testnet's)
     * @param futuresBaseUrl    futures host where it differs (Binance fapi); empty: the default
     * @param testnet           use the testnet where the exchange has one
     * @param requestsPerSecond our pace for this exchange
     */
    public record Endpoint(URI baseUrl, URI futuresBaseUrl, boolean testnet, int requestsPerSecond) {
    }

    public ExchangeSettings settings(ExchangeId exchange) {
        Endpoint endpoint = switch (exchange) {
            case BINANCE -> binance;
            case BYBIT -> bybit;
            case OKX -> okx;
            case BITGET -> bitget;
            case HTX -> htx;
            case KRAKEN -> kraken;
            case SIM -> new Endpoint(null, null, false, 1000);
        };
        return new ExchangeSettings(endpoint.baseUrl(), endpoint.futuresBaseUrl(), endpoint.testnet(), timeout,
                endpoint.requestsPerSecond(), maxAttempts, backoff);
    }
}
