package io.signaldesk.signals.commands;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Signals as the chat reads them, and who took which ({@code signal_taken}). */
@Repository
class SignalBook {

    private static final String COLUMNS = """
            id, subscription_id, exchange, symbol, timeframe, action, confidence, entry, stop_loss, take_profits, risk_reward,
            reasoning, analyst, analyst_version, issued_at, status, exit_price, r_multiple""";

    private final JdbcTemplate jdbc;

    SignalBook(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest signals of these subscriptions, newest first; {@code symbol} null for every pair. */
    List<SignalRow> recent(List<Long> subscriptionIds, String symbol, int limit) {
        if (subscriptionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(connection -> {
            var statement = connection.prepareStatement("select " + COLUMNS + " from signal where subscription_id = any (?)"
                    + " and (?::text is null or symbol = ?) order by issued_at desc, id desc limit ?");
            statement.setArray(1, connection.createArrayOf("bigint", subscriptionIds.toArray()));
            statement.setString(2, symbol);
            statement.setString(3, symbol);
            statement.setInt(4, limit);
            return statement;
        }, (row, i) -> row(row));
    }

    Optional<SignalRow> find(long id) {
        return jdbc.query("select " + COLUMNS + " from signal where id = ?", (row, i) -> row(row), id).stream().findFirst();
    }

    /** Records that the user took the signal; false if they already had. */
    boolean take(long signalId, long userId) {
        return jdbc.update("insert into signal_taken (signal_id, user_id) values (?, ?) on conflict do nothing", signalId, userId) == 1;
    }

    /** Forgets that the user took the signal (opening its position failed: they may press again). */
    void untake(long signalId, long userId) {
        jdbc.update("delete from signal_taken where signal_id = ? and user_id = ?", signalId, userId);
    }

    int takenBy(long signalId) {
        return jdbc.queryForObject("select count(*) from signal_taken where signal_id = ?", Integer.class, signalId);
    }

    private static SignalRow row(ResultSet row) throws SQLException {
        return new SignalRow(row.getLong("id"), row.getLong("subscription_id"), row.getString("exchange"), row.getString("symbol"),
                row.getString("timeframe"), row.getString("action"), row.getDouble("confidence"), row.getBigDecimal("entry"),
                row.getBigDecimal("stop_loss"), numbers(row.getArray("take_profits")), row.getBigDecimal("risk_reward"),
                row.getString("reasoning"), row.getString("analyst"), row.getString("analyst_version"),
                row.getTimestamp("issued_at").toInstant(), row.getString("status"), row.getBigDecimal("exit_price"),
                row.getBigDecimal("r_multiple"));
    }

    private static List<BigDecimal> numbers(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((BigDecimal[]) array.getArray());
    }
}
