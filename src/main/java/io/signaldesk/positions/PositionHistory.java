package io.signaldesk.positions;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Positions read by time, for other modules (the reports' daily metrics): realized PnL of the positions closed in a
 * window, and the positions open at a moment with their last mark if it was taken by then.
 */
@Component
public class PositionHistory {

    /** A user's positions closed in a window: their count and realized PnL summed (USDT). */
    public record Realized(long userId, int closed, BigDecimal pnl) {
    }

    /**
     * A position open at a moment.
     *
     * @param side     LONG or SHORT
     * @param mark     its last mark if that was taken at or before the moment, else null (a later mark is not known then)
     */
    public record OpenAt(long positionId, long userId, String pair, String side, BigDecimal entry, BigDecimal size, BigDecimal mark) {

        /** (mark − entry) × size, negated for a short; null without a mark. */
        public BigDecimal unrealizedPnl() {
            if (mark == null) {
                return null;
            }
            BigDecimal move = mark.subtract(entry).multiply(size);
            return "SHORT".equals(side) ? move.negate() : move;
        }
    }

    private final JdbcClient jdbc;

    PositionHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per user, the positions closed in {@code [from, to)}; users with none are absent. */
    public List<Realized> realizedIn(Instant from, Instant to) {
        return jdbc.sql("""
                select user_id, count(*), coalesce(sum(realized_pnl), 0) from position
                 where status = 'CLOSED' and closed_at >= ? and closed_at < ? group by user_id order by user_id""")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((row, i) -> new Realized(row.getLong(1), row.getInt(2), row.getBigDecimal(3))).list();
    }

    /** The positions opened at or before {@code at} and not closed by then, by user and id. */
    public List<OpenAt> openAt(Instant at) {
        Timestamp moment = Timestamp.from(at);
        return jdbc.sql("""
                select id, user_id, pair, side, entry, size, case when marked_at <= ? then mark_price end
                  from position where opened_at <= ? and (closed_at is null or closed_at > ?) order by user_id, id""")
                .params(moment, moment, moment)
                .query((row, i) -> new OpenAt(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4), row.getBigDecimal(5),
                        row.getBigDecimal(6), row.getBigDecimal(7))).list();
    }
}
