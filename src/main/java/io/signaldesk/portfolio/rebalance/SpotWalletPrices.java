package io.signaldesk.portfolio.rebalance;

import io.signaldesk.accounts.SpotWallets;
import io.signaldesk.market.CandleRead;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketData;
import io.signaldesk.market.MarketType;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@link WalletPrices} for rebalancing, where a price decides trades: {@code ASSET/USDT} on the account's exchange
 * ({@link SpotWallets#exchangeOf}; the default market exchange for paper), from a stored 1m candle (spot first) that
 * closed within {@code max-price-age} (no call), else the exchange's last price (a live ticker call), else none. Never
 * an older candle: a proposal, its re-quote at approval and a paper fill are made at prices of now.
 */
@Component
class SpotWalletPrices implements WalletPrices {

    private final SpotWallets wallets;
    private final MarketData market;
    private final RebalanceProperties properties;
    private final Clock clock;

    SpotWalletPrices(SpotWallets wallets, MarketData market, RebalanceProperties properties, Clock clock) {
        this.wallets = wallets;
        this.market = market;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Optional<BigDecimal> usdt(long accountId, String asset) {
        if ("USDT".equals(asset)) {
            return Optional.of(BigDecimal.ONE);
        }
        Optional<Symbol> pair = Symbol.fromListing(asset, "USDT");
        if (pair.isEmpty()) {
            return Optional.empty();
        }
        ExchangeId exchange = wallets.exchangeOf(accountId);
        return recentClose(exchange, pair.get(), MarketType.SPOT).or(() -> recentClose(exchange, pair.get(), MarketType.PERPETUAL))
                .or(() -> market.lastPrice(exchange, pair.get())).filter(price -> price.signum() > 0);
    }

    private Optional<BigDecimal> recentClose(ExchangeId exchange, Symbol pair, MarketType type) {
        SeriesKey key = new SeriesKey(exchange, type, pair, Timeframe.M1);
        Instant since = clock.instant().minus(properties.maxPriceAge());
        if (market.closedCandles(key, 1) instanceof CandleRead.Fresh fresh && !fresh.candles().isEmpty()
                && !Timeframe.M1.closeOf(fresh.last().openTime()).isBefore(since)) {
            return Optional.of(fresh.last().close());
        }
        return Optional.empty();
    }
}
