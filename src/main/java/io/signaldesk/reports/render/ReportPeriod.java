package io.signaldesk.reports.render;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * The period a report covers, in the chat's time zone: local days {@code [start, end)} and their kind. A day is one
 * local day, a week Monday to Sunday, a month a calendar month.
 */
public record ReportPeriod(Kind kind, LocalDate start, LocalDate end, ZoneId zone) {

    public enum Kind {
        DAY, WEEK, MONTH
    }

    public ReportPeriod {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(zone, "zone");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a report period ends after it starts: " + start + " .. " + end);
        }
    }

    /** The period of this kind that contains a local day. */
    public static ReportPeriod containing(Kind kind, LocalDate day, ZoneId zone) {
        return switch (kind) {
            case DAY -> new ReportPeriod(kind, day, day.plusDays(1), zone);
            case WEEK -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new ReportPeriod(kind, monday, monday.plusWeeks(1), zone);
            }
            case MONTH -> {
                LocalDate first = day.withDayOfMonth(1);
                yield new ReportPeriod(kind, first, first.plusMonths(1), zone);
            }
        };
    }

    /** The period of the same kind just before this one. */
    public ReportPeriod previous() {
        return containing(kind, start.minusDays(1), zone);
    }

    public Instant from() {
        return start.atStartOfDay(zone).toInstant();
    }

    public Instant to() {
        return end.atStartOfDay(zone).toInstant();
    }

    /** The last local day of the period. */
    public LocalDate last() {
        return end.minusDays(1);
    }
}
