package io.signaldesk.reports.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A calendar day of the jobs zone as instants, and how much of it a computation sees: {@code [start, until)}, {@code until}
 * being the day's end or, for the day still running, the moment of computing. A DST day is 23 or 25 hours long.
 */
record DayWindow(LocalDate day, ZoneId zone, Instant start, Instant end, Instant until) {

    static DayWindow of(LocalDate day, ZoneId zone, Instant now) {
        Instant start = day.atStartOfDay(zone).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        return new DayWindow(day, zone, start, end, now.isBefore(end) ? now : end);
    }

    boolean complete() {
        return until.equals(end);
    }
}
