package io.signaldesk.positions.book;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Closes an open position at a price, once: the update applies only while the row is still OPEN, so two presses of
 * "Closed it", a stop check on two instances, or {@code /close} racing the exchange sync close it exactly once. The
 * realized profit is (exit − entry) × size × side, in the quote currency (fees are not known here).
 */
@Component
public class ClosePosition {

    private final JdbcClient jdbc;
    private final PositionBook book;

    ClosePosition(JdbcClient jdbc, PositionBook book) {
        this.jdbc = jdbc;
        this.book = book;
    }

    /** The closed position, or empty when it was no longer open (someone closed it first). */
    public Optional<Position> close(long positionId, BigDecimal exitPrice, Position.CloseReason reason, Instant at) {
        Position position = book.findById(positionId).orElseThrow();
        if (!position.open()) {
            return Optional.empty();
        }
        int changed = jdbc.sql("update position set status = 'CLOSED', closed_at = ?, exit_price = ?, realized_pnl = ?, close_reason = ?,"
                        + " version = version + 1 where id = ? and status = 'OPEN'")
                .params(java.sql.Timestamp.from(at), exitPrice, position.pnlAt(exitPrice), reason.name(), positionId)
                .update();
        return changed == 1 ? book.findById(positionId) : Optional.empty();
    }
}
