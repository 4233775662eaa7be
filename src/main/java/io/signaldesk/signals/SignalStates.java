package io.signaldesk.signals;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a signal's current state for other modules (the outbox asks at send time whether a signal is
 * still open, so a signal that already hit its stop is never delivered as a fresh one).
 */
@Component
public class SignalStates {

    private final JdbcTemplate jdbc;

    SignalStates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The signal's state; empty when there is no such signal. */
    public Optional<SignalState> of(long signalId) {
        return jdbc.query("select status, closed_at, exit_price from signal where id = ?", (row, i) -> new SignalState(
                row.getString("status"), row.getTimestamp("closed_at") == null ? null : row.getTimestamp("closed_at").toInstant(),
                row.getBigDecimal("exit_price")), signalId).stream().findFirst();
    }
}
