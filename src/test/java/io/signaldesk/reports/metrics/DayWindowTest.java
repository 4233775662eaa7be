package io.signaldesk.reports.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.market.Timeframe;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DayWindowTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void theDayClocksGoBackIsTwentyFiveHoursLongAndExpectsTwentyFiveHourlyCandles() {
        DayWindow window = DayWindow.of(LocalDate.of(2026, 10, 25), BERLIN, Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(window.start()).isEqualTo(Instant.parse("2026-10-24T22:00:00Z"));
        assertThat(Duration.between(window.start(), window.end())).isEqualTo(Duration.ofHours(25));
        assertThat(window.complete()).isTrue();
        assertThat(SeriesCoverage.expected(Timeframe.H1, window.start(), window.end())).isEqualTo(25);
    }

    @Test
    void theDayClocksGoForwardIsTwentyThreeHoursLong() {
        DayWindow window = DayWindow.of(LocalDate.of(2026, 3, 29), BERLIN, Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(Duration.between(window.start(), window.end())).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void theDayStillRunningIsSeenUpToNow() {
        Instant now = Instant.parse("2026-12-07T16:00:00Z");
        DayWindow window = DayWindow.of(LocalDate.of(2026, 12, 7), ZoneId.of("Asia/Ho_Chi_Minh"), now);
        assertThat(window.start()).isEqualTo(Instant.parse("2026-12-06T17:00:00Z"));
        assertThat(window.until()).isEqualTo(now);
        assertThat(window.complete()).isFalse();
        assertThat(SeriesCoverage.expected(Timeframe.H1, window.start(), now.minus(SeriesCoverage.SYNC_LAG))).isEqualTo(22);
    }
}
