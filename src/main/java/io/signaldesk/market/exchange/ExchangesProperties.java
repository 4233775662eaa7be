package io.signaldesk.market.exchange;

import io.signaldesk.market.ExchangeId;
import java.net.URI;
import java.time.Duration;

/**
 * {@code signaldesk.exchanges.*}: shared call settings, then one block per exchange. {@code sim}
 * needs none.
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
        Endpoint kraken) {

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
