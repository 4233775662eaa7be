package io.signaldesk.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The read side of the instance heartbeats: every instance that beat in the last day, alive when its last beat is
 * under {@link #DEAD_AFTER} old (by the database's clock, so instances with skewed clocks agree).
 */
@Component
public class AliveInstances {

    /** An instance whose last beat is older than this is dead. */
    public static final Duration DEAD_AFTER = Duration.ofSeconds(60);

    /** @param sinceLastBeat how long ago it last beat */
    public record Instance(UUID id, String name, String host, long pid, Instant startedAt, Instant lastBeat, Duration sinceLastBeat,
                           boolean alive) {
    }

    private final JdbcTemplate jdbc;

    AliveInstances(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Alive ones first, each group by start. */
    public List<Instance> all() {
        return jdbc.query("""
                select id, instance_id, host, pid, started_at, last_beat,
                       (extract(epoch from (now() - last_beat)) * 1000)::bigint as since_ms
                  from instance_heartbeat order by last_beat < now() - make_interval(secs => ?), started_at""",
                (row, i) -> {
                    Duration since = Duration.ofMillis(Math.max(0, row.getLong("since_ms")));
                    return new Instance(row.getObject("id", UUID.class), row.getString("instance_id"), row.getString("host"),
                            row.getLong("pid"), row.getTimestamp("started_at").toInstant(), row.getTimestamp("last_beat").toInstant(),
                            since, since.compareTo(DEAD_AFTER) < 0);
                }, DEAD_AFTER.toSeconds());
    }
}
