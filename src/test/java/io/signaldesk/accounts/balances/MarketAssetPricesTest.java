package io.signaldesk.accounts.balances;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.market.Candle;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketType;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.market.store.CandleStore;
import io.signaldesk.market.store.SeriesStatusStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Balance prices: US-dollar stablecoins at 1; another asset at the close of its freshest stored USDT series, spot first. */
@IntegrationTest
class MarketAssetPricesTest {

    @Autowired
    MarketAssetPrices prices;
    @Autowired
    CandleStore candles;
    @Autowired
    SeriesStatusStore statuses;

    @Test
    void stablecoinsAreOneUsdtWithoutAnyCall() {
        assertThat(prices.usdt(ExchangeId.BINANCE, "USDC")).contains(BigDecimal.ONE);
        assertThat(prices.usdt(ExchangeId.OKX, "USDT")).contains(BigDecimal.ONE);
        assertThat(prices.usdt(ExchangeId.BYBIT, "FDUSD")).contains(BigDecimal.ONE);
    }

    @Test
    void anAssetIsPricedFromItsFreshStoredSpotSeriesBeforeItsPerpetualOne() {
        Symbol symbol = new Symbol("BALTEST" + (System.nanoTime() % 1000), "USDT");
        Instant now = Instant.now();
        Instant lastOpen = Timeframe.H1.openOf(now).minus(Duration.ofHours(2));
        store(new SeriesKey(ExchangeId.BINANCE, MarketType.PERPETUAL, symbol, Timeframe.H1), lastOpen, "3100", now);
        store(new SeriesKey(ExchangeId.BINANCE, MarketType.SPOT, symbol, Timeframe.H1), lastOpen, "3000.5", now);

        assertThat(prices.usdt(ExchangeId.BINANCE, symbol.base())).hasValueSatisfying(price -> assertThat(price).isEqualByComparingTo("3000.5"));
    }

    private void store(SeriesKey key, Instant open, String close, Instant now) {
        BigDecimal price = new BigDecimal(close);
        candles.upsert(key, List.of(new Candle(open, price, price, price, price, BigDecimal.ONE)), now);
        statuses.recordSuccess(key, open, now);
    }
}
