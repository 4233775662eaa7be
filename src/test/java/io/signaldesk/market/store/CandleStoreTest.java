package io.signaldesk.market.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.market.Candle;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketType;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.SeriesStatus;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class CandleStoreTest {

    private static final AtomicInteger SERIES = new AtomicInteger();
    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

    @Autowired
    CandleStore candles;
    @Autowired
    SeriesStatusStore statuses;
    @Autowired
    JdbcTemplate jdbc;

    private final SeriesKey key = new SeriesKey(ExchangeId.BYBIT, MarketType.PERPETUAL,
            new Symbol("TEST" + SERIES.incrementAndGet(), "USDT"), Timeframe.H1);

    @Test
    void storingTheSameCandlesTwiceKeepsOneRowEachAndOnlyClosedOnesAreRead() {
        List<Candle> hours = List.of(candle(0, "100"), candle(1, "101"), candle(2, "102"));
        Instant duringThird = T0.plusSeconds(2 * 3600 + 600);

        candles.upsert(key, hours, duringThird);
        int rewritten = candles.upsert(key, hours, duringThird);

        assertThat(rewritten).as("unchanged candles are not rewritten").isZero();
        assertThat(rows()).isEqualTo(3);
        assertThat(candles.lastClosed(key, 10)).extracting(Candle::openTime).containsExactly(T0, T0.plusSeconds(3600));
    }

    @Test
    void aCorrectedOrNowClosedCandleIsUpdatedInPlace() {
        candles.upsert(key, List.of(candle(0, "100"), candle(1, "101")), T0.plusSeconds(3600 + 60));
        Candle corrected = candle(1, "99.5");

        int updated = candles.upsert(key, List.of(candle(0, "100"), corrected), T0.plusSeconds(2 * 3600 + 5));

        assertThat(updated).isEqualTo(1);
        assertThat(rows()).isEqualTo(2);
        assertThat(candles.lastClosed(key, 10)).last().isEqualTo(corrected);
    }

    @Test
    void lastClosedReturnsTheNewestCountOldestFirst() {
        candles.upsert(key, List.of(candle(0, "1"), candle(1, "2"), candle(2, "3"), candle(3, "4")), T0.plusSeconds(10 * 3600));

        assertThat(candles.lastClosed(key, 2)).extracting(Candle::close)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("3"), new BigDecimal("4"));
    }

    @Test
    void theSeriesStatusKeepsItsNewestCandleAndCountsFailuresUntilASuccess() {
        statuses.recordSuccess(key, T0.plusSeconds(3600), T0.plusSeconds(7300));
        statuses.recordFailure(key, "Bybit answered HTTP 503", T0.plusSeconds(7600));
        statuses.recordFailure(key, "Bybit answered HTTP 503", T0.plusSeconds(7900));
        SeriesStatus failing = statuses.find(key).orElseThrow();

        assertThat(failing.consecutiveFailures()).isEqualTo(2);
        assertThat(failing.lastError()).isEqualTo("Bybit answered HTTP 503");
        assertThat(failing.lastClosedOpenTime()).isEqualTo(T0.plusSeconds(3600));
        assertThat(failing.lastSuccessAt()).isEqualTo(T0.plusSeconds(7300));

        statuses.recordSuccess(key, T0, T0.plusSeconds(8000));
        SeriesStatus recovered = statuses.find(key).orElseThrow();
        assertThat(recovered.consecutiveFailures()).isZero();
        assertThat(recovered.lastError()).isNull();
        assertThat(recovered.lastClosedOpenTime()).as("never moves backwards").isEqualTo(T0.plusSeconds(3600));
    }

    private int rows() {
        return jdbc.queryForObject("select count(*) from candle where symbol = ?", Integer.class, key.symbol().toString());
    }

    private static Candle candle(int hour, String close) {
        BigDecimal price = new BigDecimal(close);
        return new Candle(T0.plusSeconds(hour * 3600L), price, price.add(BigDecimal.ONE), price.subtract(BigDecimal.ONE),
                price, new BigDecimal("12.5"));
    }
}
