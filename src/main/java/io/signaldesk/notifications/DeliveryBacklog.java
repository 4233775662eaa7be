package io.signaldesk.notifications;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    /** One chat platform's part of the backlog (the operator dashboard). */
    public record PlatformReport(String platform, Report report) {
    }

    /** The backlog per chat platform that has messages waiting or given up in the last day, by platform. */
    public List<PlatformReport> perPlatform(Instant now) {
        return jdbc.query("""
                select c.platform,
                       count(*) filter (where q.status = 'PENDING') as waiting,
                       min(q.created_at) filter (where q.status = 'PENDING') as oldest,
                       count(*) filter (where q.status = 'FAILED' and q.created_at > ?::timestamptz - interval '1 day') as failed
                  from delivery q join chat_destination c on c.id = q.destination_id
                 where q.status = 'PENDING' or (q.status = 'FAILED' and q.created_at > ?::timestamptz - interval '1 day')
                 group by c.platform order by c.platform""", (row, i) -> {
            var oldest = row.getTimestamp("oldest");
            return new PlatformReport(row.getString("platform"), new Report(row.getInt("waiting"),
                    oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), now), row.getInt("failed")));
        }, Timestamp.from(now), Timestamp.from(now));
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
