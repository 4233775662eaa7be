package io.signaldesk.positions;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The open positions with their last mark, as other modules read them (portfolio risk): one read, no price asked of an
 * exchange. A position never marked yet has a null mark and mark time; the reader decides what that means.
 */
@Component
public class OpenPositionMarks {

    /**
     * One open position.
     *
     * @param side     {@code LONG} or {@code SHORT}
     * @param size     in base units, always positive
     * @param mark     the last price {@code positions.update} marked it at, null when never marked
     * @param markedAt when that price was true, null when never marked
     */
    public record Marked(long positionId, long userId, long accountId, int number, String pair, String side, BigDecimal entry,
                         BigDecimal size, BigDecimal mark, Instant markedAt) {
    }

    private final JdbcClient jdbc;

    OpenPositionMarks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every open position, by user, account and number. */
    public List<Marked> all() {
        return jdbc.sql("""
                select id, user_id, account_id, number, pair, side, entry, size, mark_price, marked_at
                  from position where status = 'OPEN' order by user_id, account_id, number""")
                .query((row, i) -> new Marked(row.getLong(1), row.getLong(2), row.getLong(3), row.getInt(4), row.getString(5),
                        row.getString(6), row.getBigDecimal(7), row.getBigDecimal(8), row.getBigDecimal(9),
                        row.getTimestamp(10) == null ? null : row.getTimestamp(10).toInstant()))
                .list();
    }
}
