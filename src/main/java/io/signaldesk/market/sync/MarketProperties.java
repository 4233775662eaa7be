package io.signaldesk.market.sync;

import io.signaldesk.market.ExchangeId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code signaldesk.market.*}.
 *
 * @param defaultExchange        the exchange offered first (the zero-setup run: {@code sim}, no network)
 * @param syncCron               when the candle sync runs, in {@code signaldesk.jobs.zone}
 * @param backfill               closed candles fetched for a series on its first sync
 * @param concurrencyPerExchange series of one exchange synced at the same time
 */
@ConfigurationProperties("signaldesk.market")
public record MarketProperties(ExchangeId defaultExchange, String syncCron, int backfill, int concurrencyPerExchange) {

    public MarketProperties {
        if (defaultExchange == null) {
            throw new IllegalArgumentException("signaldesk.market.default-exchange must be one of "
                    + java.util.Arrays.stream(ExchangeId.values()).map(ExchangeId::id).toList());
        }
        if (backfill < 1 || concurrencyPerExchange < 1) {
            throw new IllegalArgumentException("signaldesk.market.backfill and concurrency-per-exchange must be at least 1");
        }
    }
}
