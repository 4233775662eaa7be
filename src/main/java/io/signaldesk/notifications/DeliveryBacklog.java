package io.signaldesk.notifications;

import java.sql.Timestamp;
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

    private static final String REPORT = """
            select count(*) filter (where status = 'PENDING') as waiting,
                   min(created_at) filter (where status = 'PENDING') as oldest,
                   count(*) filter (where status = 'FAILED' and created_at > ?::timestamptz - interval '1 day') as failed
              from delivery where status in ('PENDING', 'FAILED')""";

    /** The backlog of one chat only: what a user may see of the outbox. */
    public Report forDestination(long destinationId, Instant now) {
        return report(REPORT + " and destination_id = ?", now, Timestamp.from(now), destinationId);
    }

    public Report at(Instant now) {
        return report(REPORT, now, Timestamp.from(now));
    }

    private Report report(String sql, Instant now, Object... parameters) {
        return jdbc.queryForObject(sql, (row, i) -> {
            var oldest = row.getTimestamp("oldest");
            return new Report(row.getInt("waiting"), oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), now),
                    row.getInt("failed"));
        }, parameters);
    }
}
