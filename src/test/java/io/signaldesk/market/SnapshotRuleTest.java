package io.signaldesk.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotRuleTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aSnapshotHoldsTheCandlesClosedAtOrBeforeTheCloseAndNoFormingOne() {
        List<Candle> hours4 = series(Timeframe.H4, 10);
        // 16:00 closes the 12:00 4h candle: it is in; at 15:30 it is still forming: the 08:00 one is the newest
        Instant at16 = START.plus(Duration.ofHours(16));

        assertThat(SnapshotRule.window(hours4, Timeframe.H4, at16).getLast().openTime()).isEqualTo(START.plus(Duration.ofHours(12)));
        assertThat(SnapshotRule.window(hours4, Timeframe.H4, at16.minus(Duration.ofMinutes(30))).getLast().openTime())
                .isEqualTo(START.plus(Duration.ofHours(8)));
        assertThat(SnapshotRule.window(hours4, Timeframe.H4, START.plus(Duration.ofHours(3)))).isEmpty();
    }

    @Test
    void aSnapshotHoldsAtMostTheLast200() {
        List<Candle> halfHours = series(Timeframe.M30, 500);
        Instant close = Timeframe.M30.closeOf(halfHours.get(300).openTime());

        List<Candle> window = SnapshotRule.window(halfHours, Timeframe.M30, close);

        assertThat(window).hasSize(SnapshotRule.CANDLES);
        assertThat(window.getLast()).isEqualTo(halfHours.get(300));
        assertThat(window.getFirst()).isEqualTo(halfHours.get(101));
    }

    @Test
    void theWindowAtACloseIsTheSameWhenEveryLaterCandleIsRemoved() {
        List<Candle> halfHours = series(Timeframe.M30, 400);
        List<Candle> hours4 = series(Timeframe.H4, 60);
        for (int i = 0; i < halfHours.size(); i += 7) {
            Instant close = Timeframe.M30.closeOf(halfHours.get(i).openTime());
            List<Candle> cutHalfHours = halfHours.stream().filter(c -> !Timeframe.M30.closeOf(c.openTime()).isAfter(close)).toList();
            List<Candle> cutHours4 = hours4.stream().filter(c -> !Timeframe.H4.closeOf(c.openTime()).isAfter(close)).toList();

            assertThat(SnapshotRule.window(cutHalfHours, Timeframe.M30, close)).isEqualTo(SnapshotRule.window(halfHours, Timeframe.M30, close));
            assertThat(SnapshotRule.window(cutHours4, Timeframe.H4, close)).isEqualTo(SnapshotRule.window(hours4, Timeframe.H4, close));
        }
    }

    private static List<Candle> series(Timeframe timeframe, int count) {
        List<Candle> candles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BigDecimal price = BigDecimal.valueOf(100 + i);
            candles.add(new Candle(START.plus(timeframe.duration().multipliedBy(i)), price, price, price, price, BigDecimal.ONE));
        }
        return candles;
    }
}
