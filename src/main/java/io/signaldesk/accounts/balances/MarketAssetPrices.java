package io.signaldesk.accounts.balances;

import io.signaldesk.market.CandleRead;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketData;
import io.signaldesk.market.MarketType;
import io.signaldesk.market.SeriesStatus;
import io.signaldesk.market.Symbol;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Prices assets from the market module. USDT is 1; the other US-dollar stablecoins (USDC, FDUSD, BUSD, DAI, TUSD, USDP)
 * are taken as 1 too, and so is US dollar cash (Kraken's {@code USD}): an approximation (they trade within a fraction of a percent of it) that keeps equity simple and
 * needs no call. Any other asset is priced as {@code <ASSET>/USDT} on the account's exchange: the close of the newest
 * candle of a fresh stored series (spot first, the finest timeframe) when the candle sync keeps one, else the
 * exchange's last traded price (a live ticker call). Neither: unpriced.
 */
@Component
class MarketAssetPrices implements AssetPrices {

    static final Set<String> USD_STABLECOINS = Set.of("USDT", "USDC", "FDUSD", "BUSD", "DAI", "TUSD", "USDP", "USD");

    private final MarketData market;
    private final Clock clock;

    MarketAssetPrices(MarketData market, Clock clock) {
        this.market = market;
        this.clock = clock;
    }

    @Override
    public Optional<BigDecimal> usdt(ExchangeId exchange, String asset) {
        if (USD_STABLECOINS.contains(asset)) {
            return Optional.of(BigDecimal.ONE);
        }
        Optional<Symbol> symbol = Symbol.fromListing(asset, "USDT");
        if (symbol.isEmpty()) {
            return Optional.empty();
        }
        return stored(exchange, symbol.get()).or(() -> market.lastPrice(exchange, symbol.get()));
    }

    private Optional<BigDecimal> stored(ExchangeId exchange, Symbol symbol) {
        Instant now = clock.instant();
        return market.seriesStatus().stream()
                .filter(status -> status.key().exchange() == exchange && status.key().symbol().equals(symbol) && status.freshAt(now))
                .min(Comparator.comparing((SeriesStatus status) -> status.key().marketType() == MarketType.SPOT ? 0 : 1)
                        .thenComparing(status -> status.key().timeframe()))
                .map(status -> market.closedCandles(status.key(), 1))
                .filter(read -> read instanceof CandleRead.Fresh fresh && !fresh.candles().isEmpty())
                .map(read -> ((CandleRead.Fresh) read).last().close());
    }
}
