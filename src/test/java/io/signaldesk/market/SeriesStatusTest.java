package io.signaldesk.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeriesStatusTest {

    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");
    private static final SeriesKey KEY = new SeriesKey(ExchangeId.BYBIT, MarketType.PERPETUAL, new Symbol("BTC", "USDT"), Timeframe.H1);

    @Test
    void freshnessIsTheLastCloseWithinTwoIntervals() {
        var status = new SeriesStatus(KEY, T0, null, null, null, 0);

        assertThat(status.freshAt(T0.plusSeconds(3600 + 7199))).isTrue();
        assertThat(status.freshAt(T0.plusSeconds(3600 + 7200))).isFalse();
        assertThat(new SeriesStatus(KEY, null, null, null, null, 0).freshAt(T0)).isFalse();
    }
}
