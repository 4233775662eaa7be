package io.signaldesk.positions.stops;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.market.Candle;
import io.signaldesk.market.Timeframe;
import io.signaldesk.positions.book.Position;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LevelCrossingsTest {

    private static final Instant OPENED = Instant.parse("2026-12-01T10:00:30Z");

    @Test
    void onlyCandlesOpeningAtOrAfterTheOpeningCount() {
        List<Crossing> crossings = LevelCrossings.onCandles(position(Position.Side.LONG), List.of(candle(0, "90", "100"), candle(1, "99", "101")),
                Timeframe.M1, OPENED, Set.of());

        assertThat(crossings).isEmpty();
    }

    @Test
    void inACandleThatCrossesTheStopNoTargetCountsAndEachLevelCountsOnce() {
        List<Crossing> crossings = LevelCrossings.onCandles(position(Position.Side.LONG),
                List.of(candle(1, "94", "111"), candle(2, "100", "112"), candle(3, "94", "100")), Timeframe.M1, OPENED, Set.of());

        assertThat(crossings).extracting(Crossing::level).containsExactly(Level.STOP, Level.TP1);
        assertThat(crossings.getFirst().at()).isEqualTo(Instant.parse("2026-12-01T10:02:00Z"));
    }

    @Test
    void aShortsStopIsAboveAndItsTargetsBelowAndAlertedLevelsAreLeftOut() {
        Position shortOne = position(Position.Side.SHORT);
        assertThat(LevelCrossings.atPrice(shortOne, new BigDecimal("105"), OPENED, Set.of())).extracting(Crossing::level)
                .containsExactly(Level.STOP);
        assertThat(LevelCrossings.atPrice(shortOne, new BigDecimal("89"), OPENED, Set.of(Level.TP1))).isEmpty();
        assertThat(LevelCrossings.atPrice(shortOne, new BigDecimal("89"), OPENED, Set.of())).extracting(Crossing::level)
                .containsExactly(Level.TP1);
    }

    /** Entry 100; a long's stop 95 and target 110, a short's stop 105 and target 90. */
    private static Position position(Position.Side side) {
        boolean isLong = side == Position.Side.LONG;
        return new Position(1L, 1, 1, 1, "sim", "X/USDT", side, new BigDecimal("100"), BigDecimal.ONE, BigDecimal.ONE,
                new BigDecimal(isLong ? "95" : "105"), new BigDecimal(isLong ? "110" : "90"), null, null, Position.Source.EXCHANGE,
                null, null, null, null, Position.Status.OPEN, OPENED, null, null, null, null, null, null, 0L);
    }

    private static Candle candle(int minute, String low, String high) {
        Instant open = Instant.parse("2026-12-01T10:00:00Z").plusSeconds(60L * minute);
        return new Candle(open, new BigDecimal(low), new BigDecimal(high), new BigDecimal(low), new BigDecimal(high), BigDecimal.ONE);
    }
}
