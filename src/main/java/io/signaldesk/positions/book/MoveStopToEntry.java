package io.signaldesk.positions.book;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves an open position's stop to its entry (break-even), for its owner only. One targeted update: it leaves the
 * mark the update job wrote alone, and does nothing to a position closed meanwhile. The stop check starts the new stop
 * from now (not from prices seen before the move), and may alert it even if the old stop was alerted.
 */
@Component
public class MoveStopToEntry {

    private final JdbcClient jdbc;

    MoveStopToEntry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the stop was moved (false: not the user's, or no longer open). */
    @Transactional
    public boolean move(long positionId, long userId) {
        boolean moved = jdbc.sql("update position set stop_loss = entry, version = version + 1 where id = ? and user_id = ? and status = 'OPEN'")
                .params(positionId, userId).update() == 1;
        if (moved) {
            // the new stop counts from now: prices before the move do not cross it, and an alert of the old stop does not
            // silence the new one
            jdbc.sql("""
                    insert into position_stop_check (position_id, checked_until) values (?, now())
                    on conflict (position_id) do update set checked_until = greatest(position_stop_check.checked_until, excluded.checked_until)""")
                    .param(positionId).update();
            jdbc.sql("delete from position_alert where position_id = ? and level = 'STOP'").param(positionId).update();
        }
        return moved;
    }
}
