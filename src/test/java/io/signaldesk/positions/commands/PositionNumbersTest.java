package io.signaldesk.positions.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** How the position commands write prices, money, percentages and R, in English and Vietnamese. */
class PositionNumbersTest {

    private static final Locale VI = Locale.forLanguageTag("vi");

    @Test
    void pricesKeepTheirDecimalsAndMoneyPercentagesAndRAreSigned() {
        assertThat(PositionNumbers.amount(Locale.ENGLISH, new BigDecimal("95000.000"))).isEqualTo("95,000");
        assertThat(PositionNumbers.amount(Locale.ENGLISH, new BigDecimal("0.35123"))).isEqualTo("0.35123");
        assertThat(PositionNumbers.money(Locale.ENGLISH, new BigDecimal("1250"))).isEqualTo("+1,250.00");
        assertThat(PositionNumbers.money(Locale.ENGLISH, new BigDecimal("-80.505"))).isEqualTo("-80.50");
        assertThat(PositionNumbers.percent(Locale.ENGLISH, new BigDecimal("0.0526"))).isEqualTo("+5.26%");
        assertThat(PositionNumbers.r(Locale.ENGLISH, new BigDecimal("-1"))).isEqualTo("-1.00 R");
        assertThat(PositionNumbers.leverage(new BigDecimal("10.00"))).isEqualTo("10");
    }

    @Test
    void vietnameseUsesDotsForThousandsAndCommasForDecimals() {
        assertThat(PositionNumbers.amount(VI, new BigDecimal("95000.5"))).isEqualTo("95.000,5");
        assertThat(PositionNumbers.money(VI, new BigDecimal("1250"))).isEqualTo("+1.250,00");
        assertThat(PositionNumbers.r(VI, new BigDecimal("0.5"))).isEqualTo("+0,50 R");
    }

    @Test
    void theDistanceToALevelIsASignedShareOfTheMark() {
        assertThat(PositionNumbers.distance(new BigDecimal("93000"), new BigDecimal("96000"))).isEqualByComparingTo("-0.03125");
        assertThat(PositionNumbers.percent(Locale.ENGLISH, PositionNumbers.distance(new BigDecimal("99000"), new BigDecimal("96000"))))
                .isEqualTo("+3.12%");
    }

    @Test
    void aTimeTodayShowsTheClockOnlyAnEarlierDayShowsTheDate() {
        Instant now = Instant.parse("2026-12-07T15:00:00Z");
        assertThat(PositionNumbers.when(Instant.parse("2026-12-07T14:05:00Z"), now)).isEqualTo("14:05 UTC");
        assertThat(PositionNumbers.when(Instant.parse("2026-12-06T14:05:00Z"), now)).isEqualTo("2026-12-06 14:05 UTC");
    }
}
