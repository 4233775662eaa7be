package io.signaldesk.reports.schedule;

import io.signaldesk.reports.render.ReportPeriod;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code report_dispatch} rows: one per chat, kind and period (its unique key), opened when the report falls due,
 * claimed by one instance at a time ({@code FOR UPDATE SKIP LOCKED}) and closed with compare-and-set on its status.
 */
@Repository
class ReportDispatches {

    /**
     * A claimed row: the chat, and the period in the zone the chat had when the report fell due (parsed by
     * {@link #period()}, so a row with a zone no longer known fails its own attempt, never the claim of the others).
     */
    record Claimed(long id, long destinationId, String kind, java.time.LocalDate start, String zone, int attempts) {

        ReportPeriod period() {
            return ReportPeriod.containing(ReportPeriod.Kind.valueOf(kind), start, ZoneId.of(zone));
        }
    }

    private final JdbcTemplate jdbc;

    ReportDispatches(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens the row of a due report; false when it exists already (opened before, by this instance or another). */
    boolean open(long destinationId, ReportPeriod period, Instant now) {
        return jdbc.update("""
                insert into report_dispatch (destination_id, period_kind, period_start, zone, next_try_at, created_at)
                values (?, ?, ?, ?, ?, ?) on conflict (destination_id, period_kind, period_start) do nothing""",
                destinationId, period.kind().name(), period.start(), period.zone().getId(), Timestamp.from(now), Timestamp.from(now)) == 1;
    }

    /** Locks the next pending row due by {@code now} that no other transaction holds; call inside a transaction. */
    Optional<Claimed> claim(Instant now) {
        return jdbc.query("""
                select id, destination_id, period_kind, period_start, zone, attempts from report_dispatch
                 where status = 'PENDING' and next_try_at <= ?
                 order by next_try_at, id limit 1 for update skip locked""", (row, i) -> new Claimed(row.getLong("id"),
                row.getLong("destination_id"), row.getString("period_kind"), row.getDate("period_start").toLocalDate(), row.getString("zone"),
                row.getInt("attempts")), Timestamp.from(now)).stream().findFirst();
    }

    /** Closes a pending row as sent or skipped (quiet day); false when it was no longer pending. */
    boolean close(long id, String status, Instant now) {
        return jdbc.update("update report_dispatch set status = ?, done_at = ?, attempts = attempts + 1 where id = ? and status = 'PENDING'",
                status, Timestamp.from(now), id) == 1;
    }

    /** Counts a failed attempt: tried again at {@code nextTry}, or given up ({@code FAILED}) after the last attempt. */
    void failed(long id, String error, Instant nextTry, int maxAttempts, Instant now) {
        String shortError = error == null ? "" : error.length() <= 256 ? error : error.substring(0, 256);
        jdbc.update("""
                update report_dispatch set attempts = attempts + 1, last_error = ?, next_try_at = ?,
                       status = case when attempts + 1 >= ? then 'FAILED' else 'PENDING' end,
                       done_at = case when attempts + 1 >= ? then ?::timestamptz end
                 where id = ? and status = 'PENDING'""",
                shortError, Timestamp.from(nextTry), maxAttempts, maxAttempts, Timestamp.from(now), id);
    }
}
