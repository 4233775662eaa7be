package io.signaldesk.notifications.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Deletes outbox rows that ended (sent, dropped, given up) longer ago than the retention; pending rows stay. */
@Component
class PruneDeliveries {

    private final JdbcTemplate jdbc;
    private final Duration retention;
    private final Clock clock;

    PruneDeliveries(JdbcTemplate jdbc, @Value("${signaldesk.notifications.retention}") Duration retention, Clock clock) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.clock = clock;
    }

    int execute() {
        return jdbc.update("delete from delivery where status <> 'PENDING' and created_at < ?",
                Timestamp.from(clock.instant().minus(retention)));
    }
}
