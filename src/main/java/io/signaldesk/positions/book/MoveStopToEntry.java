package io.signaldesk.positions.book;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves an open position's stop to its entry (break-even), for its owner only. One targeted update: it leaves the
 * mark the update job wrote alone, and does nothing to a position closed meanwhile.
 */
@Component
public class MoveStopToEntry {

    private final JdbcClient jdbc;

    MoveStopToEntry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the stop was moved (false: not the user's, or no longer open). */
    public boolean move(long positionId, long userId) {
        return jdbc.sql("update position set stop_loss = entry, version = version + 1 where id = ? and user_id = ? and status = 'OPEN'")
                .params(positionId, userId).update() == 1;
    }
}
