package io.signaldesk.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.market.exchange.ExchangeClients;
import io.signaldesk.market.store.CandleStore;
import io.signaldesk.market.store.SeriesStatusStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The live read of a snapshot (from the candle table) and the replay's (in memory) hold the same candles at every close. */
@IntegrationTest
class SnapshotRuleLiveTest {

    private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

    @Autowired
    CandleStore candles;
    @Autowired
    SeriesStatusStore statuses;
    @Autowired
    ExchangeClients clients;

    @Test
    void theLiveSnapshotAndTheReplayedOneHoldTheSameCandles() {
        var key = new SeriesKey(ExchangeId.OKX, MarketType.PERPETUAL,
                new Symbol("S" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(), "USDT"), Timeframe.H4);
        List<Candle> series = new ArrayList<>();
        for (int i = 0; i < 260; i++) {
            if (i % 50 != 7) { // a few gaps
                BigDecimal price = BigDecimal.valueOf(100 + i);
                series.add(new Candle(T0.plus(Duration.ofHours(4L * i)), price, price, price, price, BigDecimal.ONE));
            }
        }
        Instant end = Timeframe.H4.closeOf(series.getLast().openTime());
        candles.upsert(key, series, end.plusSeconds(60));
        statuses.recordSuccess(key, series.getLast().openTime(), end.plusSeconds(60));
        var market = new MarketData(candles, statuses, clients, Clock.fixed(end.plusSeconds(90), ZoneOffset.UTC));

        for (Instant close : List.of(T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofHours(4)), T0.plus(Duration.ofHours(30)),
                T0.plus(Duration.ofHours(4L * 232)), T0.plus(Duration.ofHours(4L * 240 + 2)), end)) {
            var live = (CandleRead.Fresh) market.snapshotCandles(key, close);

            assertThat(live.candles()).extracting(Candle::openTime).as("at %s", close)
                    .containsExactlyElementsOf(SnapshotRule.window(series, Timeframe.H4, close).stream().map(Candle::openTime).toList());
        }
    }
}
