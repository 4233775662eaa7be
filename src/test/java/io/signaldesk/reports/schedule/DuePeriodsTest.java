package io.signaldesk.reports.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.reports.render.ReportPeriod;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DuePeriodsTest {

    private static final ZoneId SAIGON = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aChatInUtcPlusSevenGetsItsDailyReportAtHalfPastFourUtc() {
        assertThat(DuePeriods.latestDaily(SAIGON, Instant.parse("2026-12-07T16:29:59Z")).period().start()).isEqualTo("2026-12-06");
        DuePeriods.Due due = DuePeriods.latestDaily(SAIGON, Instant.parse("2026-12-07T16:30:00Z"));
        assertThat(due.period().start()).isEqualTo("2026-12-07");
        assertThat(due.dueAt()).isEqualTo("2026-12-07T16:30:00Z");
        assertThat(due.period().from()).isEqualTo("2026-12-06T17:00:00Z");
        assertThat(due.period().to()).isEqualTo("2026-12-07T17:00:00Z");
    }

    @Test
    void theSameInstantIsStillYesterdaysReportInUtc() {
        assertThat(DuePeriods.latestDaily(ZoneId.of("UTC"), Instant.parse("2026-12-07T16:30:00Z")).period().start()).isEqualTo("2026-12-06");
    }

    @Test
    void berlinsDailyReportMovesAnHourInUtcAcrossTheOctoberChange() {
        assertThat(DuePeriods.dueAt(ReportPeriod.containing(ReportPeriod.Kind.DAY, LocalDate.parse("2026-10-24"), BERLIN)))
                .isEqualTo("2026-10-24T21:30:00Z");
        assertThat(DuePeriods.dueAt(ReportPeriod.containing(ReportPeriod.Kind.DAY, LocalDate.parse("2026-10-25"), BERLIN)))
                .isEqualTo("2026-10-25T22:30:00Z");
        assertThat(DuePeriods.latestDaily(BERLIN, Instant.parse("2026-10-25T22:29:00Z")).period().start()).isEqualTo("2026-10-24");
        assertThat(DuePeriods.latestDaily(BERLIN, Instant.parse("2026-10-25T22:30:00Z")).period().start()).isEqualTo("2026-10-25");
    }

    @Test
    void theWeekOfTheOctoberChangeHas169HoursAndIsReportedOnMondayAtEightLocal() {
        DuePeriods.Due due = DuePeriods.latestWeekly(BERLIN, Instant.parse("2026-10-26T07:00:00Z"));
        assertThat(due.period().start()).isEqualTo("2026-10-19");
        assertThat(due.period().end()).isEqualTo("2026-10-26");
        assertThat(due.dueAt()).isEqualTo("2026-10-26T07:00:00Z");
        assertThat(Duration.between(due.period().from(), due.period().to())).isEqualTo(Duration.ofHours(169));
        assertThat(DuePeriods.latestWeekly(BERLIN, Instant.parse("2026-10-26T06:59:59Z")).period().start()).isEqualTo("2026-10-12");
    }

    @Test
    void theWeeklyReportInUtcPlusSevenIsDueAtOneOClockUtcOnMonday() {
        DuePeriods.Due due = DuePeriods.latestWeekly(SAIGON, Instant.parse("2026-12-07T01:00:00Z"));
        assertThat(due.period().start()).isEqualTo("2026-11-30");
        assertThat(due.dueAt()).isEqualTo("2026-12-07T01:00:00Z");
        assertThat(DuePeriods.dueAt(due.period())).isEqualTo(due.dueAt());
    }
}
