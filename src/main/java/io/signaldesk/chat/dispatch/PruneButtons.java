package io.signaldesk.chat.dispatch;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Deletes buttons expired for more than a day (a press within that day still gets "this button has expired"). */
@Component
class PruneButtons {

    static final Duration GRACE = Duration.ofDays(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PruneButtons(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    int execute() {
        return jdbc.update("delete from chat_button where expires_at < ?", Timestamp.from(clock.instant().minus(GRACE)));
    }
}
