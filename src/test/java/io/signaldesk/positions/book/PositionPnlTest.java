package io.signaldesk.positions.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Profit, return on margin and R of a position, long and short, with leverage. */
class PositionPnlTest {

    @Test
    void aLongGainsWhenThePriceRisesAndLeverageMultipliesItsReturnOnMarginNotItsProfit() {
        Position long10x = position(Position.Side.LONG, "100", "2", "10", "90");

        assertThat(long10x.pnlAt(new BigDecimal("110"))).isEqualByComparingTo("20");
        assertThat(long10x.margin()).isEqualByComparingTo("20");
        assertThat(long10x.returnOnMarginAt(new BigDecimal("110"))).isEqualByComparingTo("1");
        assertThat(long10x.rAt(new BigDecimal("110"))).get().satisfies(r -> assertThat(r).isEqualByComparingTo("1"));
        assertThat(long10x.pnlAt(new BigDecimal("95"))).isEqualByComparingTo("-10");
        assertThat(long10x.returnOnMarginAt(new BigDecimal("95"))).isEqualByComparingTo("-0.5");
        assertThat(long10x.rAt(new BigDecimal("90"))).get().satisfies(r -> assertThat(r).isEqualByComparingTo("-1"));
    }

    @Test
    void aShortGainsWhenThePriceFallsAndLosesWhenItRises() {
        Position short5x = position(Position.Side.SHORT, "100", "2", "5", "105");

        assertThat(short5x.pnlAt(new BigDecimal("90"))).isEqualByComparingTo("20");
        assertThat(short5x.margin()).isEqualByComparingTo("40");
        assertThat(short5x.returnOnMarginAt(new BigDecimal("90"))).isEqualByComparingTo("0.5");
        assertThat(short5x.rAt(new BigDecimal("90"))).get().satisfies(r -> assertThat(r).isEqualByComparingTo("2"));
        assertThat(short5x.pnlAt(new BigDecimal("110"))).isEqualByComparingTo("-20");
        assertThat(short5x.returnOnMarginAt(new BigDecimal("110"))).isEqualByComparingTo("-0.5");
        assertThat(short5x.rAt(new BigDecimal("105"))).get().satisfies(r -> assertThat(r).isEqualByComparingTo("-1"));
    }

    @Test
    void withoutAStopOrWithTheStopAtEntryThereIsNoR() {
        assertThat(position(Position.Side.LONG, "100", "1", "1", null).rAt(new BigDecimal("120"))).isEmpty();
        assertThat(position(Position.Side.LONG, "100", "1", "1", "90").withStop(new BigDecimal("100")).rAt(new BigDecimal("120"))).isEmpty();
    }

    static Position position(Position.Side side, String entry, String size, String leverage, String stop) {
        return new Position(1L, 1, 1, 1, "sim", "BTC/USDT", side, new BigDecimal(entry), new BigDecimal(size), new BigDecimal(leverage),
                stop == null ? null : new BigDecimal(stop), null, null, null, Position.Source.MANUAL, null, null, null, null, Position.Status.OPEN,
                Instant.EPOCH, null, null, null, null, null, null, 0L);
    }
}
