package io.signaldesk.accounts.exchange;

import io.signaldesk.market.ExchangeId;
import java.net.URI;
import java.time.Duration;

/**
 * {@code signaldesk.accounts.exchanges.*}: the signed account calls' settings. The hosts are bound to the same
 * environment variables as market data ({@code SIGNALDESK_<EXCHANGE>_BASE_URL}, {@code SIGNALDESK_<EXCHANGE>_TESTNET});
 * the pace, the timeout and the retries are the accounts' own, so that private calls never queue behind candles.
 */
@org.springframework.boot.context.properties.ConfigurationProperties("signaldesk.accounts.exchanges")
public record AccountsProperties(
        Duration timeout,
        int maxAttempts,
        Duration backoff,
        Endpoint binance,
        Endpoint bybit,
        Endpoint okx,
        Endpoint bitget,
        Endpoint htx,
        Endpoint kraken) {

    public AccountsProperties {
        if (timeout == null || timeout.isNegative() || timeout.isZero() || maxAttempts < 1 || backoff == null || backoff.isNegative()) {
            throw new IllegalArgumentException("signaldesk.accounts.exchanges: timeout must be positive (e.g. 10s), "
                    + "max-attempts at least 1, backoff not negative (e.g. 500ms)");
        }
        for (Endpoint endpoint : new Endpoint[] {binance, bybit, okx, bitget, htx, kraken}) {
            if (endpoint == null || endpoint.requestsPerSecond() < 1) {
                throw new IllegalArgumentException("signaldesk.accounts.exchanges.<id>.requests-per-second must be at least 1");
            }
        }
    }

    /**
     * @param baseUrl           REST base URL; empty: the exchange's own (or its testnet's)
     * @param futuresBaseUrl    futures host where it differs (Binance fapi); empty: the default
     * @param testnet           use the testnet where the exchange has one for private calls
     * @param requestsPerSecond our pace of signed calls to this exchange, all users together
     */
    public record Endpoint(URI baseUrl, URI futuresBaseUrl, boolean testnet, int requestsPerSecond) {
    }

    /** One exchange's settings; {@code sim} has no signed API. */
    public AccountSettings settings(ExchangeId exchange) {
        Endpoint endpoint = switch (exchange) {
            case BINANCE -> binance;
            case BYBIT -> bybit;
            case OKX -> okx;
            case BITGET -> bitget;
            case HTX -> htx;
            case KRAKEN -> kraken;
            case SIM -> throw new IllegalArgumentException("the simulated exchange has no signed account API");
        };
        return new AccountSettings(endpoint.baseUrl(), endpoint.futuresBaseUrl(), endpoint.testnet(), timeout,
                endpoint.requestsPerSecond(), maxAttempts, backoff);
    }
}
