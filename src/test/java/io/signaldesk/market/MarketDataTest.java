package io.signaldesk.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.market.exchange.ExchangeClients;
import io.signaldesk.market.store.CandleStore;
import io.signaldesk.market.store.SeriesStatusStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class MarketDataTest {

    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");
    private static final SeriesKey KEY = new SeriesKey(ExchangeId.OKX, MarketType.PERPETUAL, new Symbol("FRESH", "USDT"), Timeframe.H1);

    @Autowired
    CandleStore candles;
    @Autowired
    SeriesStatusStore statuses;
    @Autowired
    ExchangeClients clients;

    @Test
    void aFreshSeriesGivesItsClosedCandlesAndAStaleOneOnlyTheReason() {
        candles.upsert(KEY, List.of(candle(0), candle(1), candle(2)), T0.plusSeconds(2 * 3600 + 60));
        statuses.recordSuccess(KEY, T0.plusSeconds(3600), T0.plusSeconds(2 * 3600 + 60));
        statuses.recordFailure(KEY, "OKX code 50011: Too Many Requests", T0.plusSeconds(3 * 3600));

        CandleRead fresh = at(T0.plusSeconds(3 * 3600 + 3599)).closedCandles(KEY, 200);
        CandleRead stale = at(T0.plusSeconds(4 * 3600)).closedCandles(KEY, 200);

        assertThat(fresh).isInstanceOfSatisfying(CandleRead.Fresh.class, read ->
                assertThat(read.candles()).extracting(Candle::openTime).containsExactly(T0, T0.plusSeconds(3600)));
        assertThat(stale).isInstanceOfSatisfying(CandleRead.Stale.class, read -> {
            assertThat(read.lastClose()).isEqualTo(T0.plusSeconds(2 * 3600));
            assertThat(read.reason()).isEqualTo("okx FRESH/USDT 1h perp: last candle closed at 2026-11-20T02:00:00Z; "
                    + "last sync error: OKX code 50011: Too Many Requests");
        });
    }

    @Test
    void aSeriesNeverSyncedIsStale() {
        var never = new SeriesKey(ExchangeId.OKX, MarketType.PERPETUAL, new Symbol("NEVER", "USDT"), Timeframe.H4);

        assertThat(at(T0).closedCandles(never, 10)).isEqualTo(new CandleRead.Stale(never, null, null));
    }

    private MarketData at(Instant now) {
        return new MarketData(candles, statuses, clients, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Candle candle(int hour) {
        return new Candle(T0.plusSeconds(hour * 3600L), BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ONE, BigDecimal.TWO, BigDecimal.ONE);
    }
}
