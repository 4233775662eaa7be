package io.signaldesk.notifications;

import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** How the outbox stands: messages waiting, the oldest of them, and messages given up in the last day. */
@Component
public class DeliveryBacklog {

    /** @param oldestWaiting how long the oldest waiting message has waited; zero when none waits */
    public record Report(int waiting, Duration oldestWaiting, int failedToday) {
    }

    private final JdbcTemplate jdbc;

    DeliveryBacklog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The backlog of one chat only: what a user may see of the outbox. */
    public Report forDestination(long destinationId, Instant now) {
        return jdbc.queryForObject("""
                select count(*) filter (where status = 'PENDING') as waiting,
                       min(created_at) filter (where status = 'PENDING') as oldest,
                       count(*) filter (where status = 'FAILED' and created_at > ?::timestamptz - interval '1 day') as failed
                  from delivery where destination_id = ? and status in ('PENDING', 'FAILED')""", (row, i) -> {
            var oldest = row.getTimestamp("oldest");
            return new Report(row.getInt("waiting"), oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), now),
                    row.getInt("failed"));
        }, java.sql.Timestamp.from(now), destinationId);
    }

    public Report at(Instant now) {
        return jdbc.queryForObject("""
                select count(*) filter (where status = 'PENDING') as waiting,
                       min(created_at) filter (where status = 'PENDING') as oldest,
                       count(*) filter (where status = 'FAILED' and created_at > ?::timestamptz - interval '1 day') as failed
                  from delivery where status in ('PENDING', 'FAILED')""", (row, i) -> {
            var oldest = row.getTimestamp("oldest");
            return new Report(row.getInt("waiting"), oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), now),
                    row.getInt("failed"));
        }, java.sql.Timestamp.from(now));
    }
}
