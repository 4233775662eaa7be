package io.signaldesk.signals;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The signal ledger read by time, for other modules (the reports' daily metrics): which signals were issued or closed
 * in a window, with what the outcome judge recorded. A reader judging a past moment treats a signal whose {@code
 * closedAt} is after that moment as still open then.
 */
@Component
public class SignalHistory {

    /**
     * One signal as the ledger holds it now.
     *
     * @param action     BUY or SELL
     * @param status     OPEN, TAKE_PROFIT, STOP_LOSS, EXPIRED or NOT_FILLED (an unknown later status: closed, no R)
     * @param filledAt   when its entry filled; null while not (and for NOT_FILLED)
     * @param closedAt   when it closed; null while open
     * @param rMultiple  the judge's R (−1 at the stop); null while open and for NOT_FILLED
     */
    public record Fact(long signalId, long subscriptionId, long botTemplateId, String exchange, String marketType, String symbol,
                       String timeframe, String action, Instant issuedAt, String status, Instant filledAt, Instant closedAt,
                       BigDecimal rMultiple) {
    }

    private static final String COLUMNS = """
            select id, subscription_id, bot_template_id, exchange, market_type, symbol, timeframe, action, issued_at, status,
                   filled_at, closed_at, r_multiple from signal""";

    private final JdbcTemplate jdbc;

    SignalHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The signals issued in {@code [from, to)} or closed in {@code [from, to)}, by id. */
    public List<Fact> issuedOrClosedIn(Instant from, Instant to) {
        Timestamp start = Timestamp.from(from);
        Timestamp end = Timestamp.from(to);
        return jdbc.query(COLUMNS + " where (issued_at >= ? and issued_at < ?) or (closed_at >= ? and closed_at < ?) order by id",
                SignalHistory::fact, start, end, start, end);
    }

    /** The signals with these ids, by id (unknown ids are left out). */
    public List<Fact> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query(COLUMNS + " where id = any (?::bigint[]) order by id", SignalHistory::fact,
                "{" + String.join(",", ids.stream().map(String::valueOf).toList()) + "}");
    }

    private static Fact fact(ResultSet row, int index) throws SQLException {
        return new Fact(row.getLong("id"), row.getLong("subscription_id"), row.getLong("bot_template_id"), row.getString("exchange"),
                row.getString("market_type"), row.getString("symbol"), row.getString("timeframe"), row.getString("action"),
                row.getTimestamp("issued_at").toInstant(), row.getString("status"), instant(row, "filled_at"),
                instant(row, "closed_at"), row.getBigDecimal("r_multiple"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
