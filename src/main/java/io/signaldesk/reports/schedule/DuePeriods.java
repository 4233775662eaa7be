package io.signaldesk.reports.schedule;

import io.signaldesk.reports.render.ReportPeriod;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * When a chat's scheduled reports fall due, in its own time zone: the daily report of a local day at
 * {@value #DAILY_TEXT} that day, the weekly one of a week (Monday to Sunday) on the next Monday at {@value #WEEKLY_TEXT}.
 * A due time that does not exist locally (a DST gap) moves forward by the gap, as {@link ZonedDateTime} resolves it.
 */
final class DuePeriods {

    static final String DAILY_TEXT = "23:30";
    static final String WEEKLY_TEXT = "08:00";
    static final LocalTime DAILY_AT = LocalTime.parse(DAILY_TEXT);
    static final LocalTime WEEKLY_AT = LocalTime.parse(WEEKLY_TEXT);

    /** A period and the moment its report became due. */
    record Due(ReportPeriod period, Instant dueAt) {
    }

    private DuePeriods() {
    }

    /** The latest daily report due at or before {@code now}. */
    static Due latestDaily(ZoneId zone, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        for (LocalDate day = today; ; day = day.minusDays(1)) {
            Instant dueAt = ZonedDateTime.of(day, DAILY_AT, zone).toInstant();
            if (!dueAt.isAfter(now)) {
                return new Due(ReportPeriod.containing(ReportPeriod.Kind.DAY, day, zone), dueAt);
            }
        }
    }

    /** The latest weekly report due at or before {@code now}: the week before that Monday. */
    static Due latestWeekly(ZoneId zone, Instant now) {
        LocalDate monday = now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (; ; monday = monday.minusWeeks(1)) {
            Instant dueAt = ZonedDateTime.of(monday, WEEKLY_AT, zone).toInstant();
            if (!dueAt.isAfter(now)) {
                return new Due(ReportPeriod.containing(ReportPeriod.Kind.WEEK, monday.minusDays(1), zone), dueAt);
            }
        }
    }

    /** When the report of a scheduled period is due. */
    static Instant dueAt(ReportPeriod period) {
        return switch (period.kind()) {
            case DAY -> ZonedDateTime.of(period.start(), DAILY_AT, period.zone()).toInstant();
            case WEEK -> ZonedDateTime.of(period.end(), WEEKLY_AT, period.zone()).toInstant();
            case MONTH -> throw new IllegalArgumentException("monthly reports are on demand only");
        };
    }
}
