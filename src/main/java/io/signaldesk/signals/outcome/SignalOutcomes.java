package io.signaldesk.signals.outcome;

import io.signaldesk.analysis.Action;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketType;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Open signals with their judging progress; storing progress, and closing one with its outcome (both only
 * while it is still open: a rerun changes nothing). Signals closed here are marked {@code outcome_rule =
 * 'AFTER_ISSUE'}; those closed before V13 keep {@code 'SIGNAL_CANDLE'} (see the README).
 */
@Repository
class SignalOutcomes {

    private final JdbcTemplate jdbc;

    SignalOutcomes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<OpenSignal> open() {
        return jdbc.query("""
                        select id, exchange, market_type, symbol, timeframe, candle_open_time, action, entry, stop_loss,
                               take_profits, issued_at, filled_at, judged_until, judged_close
                          from signal where status = 'OPEN' order by id""",
                (row, index) -> new OpenSignal(row.getLong("id"),
                        new SeriesKey(ExchangeId.parse(row.getString("exchange")).orElseThrow(),
                                MarketType.valueOf(row.getString("market_type")), Symbol.parse(row.getString("symbol")),
                                Timeframe.parse(row.getString("timeframe")).orElseThrow()),
                        row.getTimestamp("candle_open_time").toInstant(), Action.valueOf(row.getString("action")),
                        row.getBigDecimal("entry"), row.getBigDecimal("stop_loss"),
                        Arrays.asList((BigDecimal[]) row.getArray("take_profits").getArray()),
                        row.getTimestamp("issued_at").toInstant(),
                        new Judging(instant(row, "filled_at"), instant(row, "judged_until"), row.getBigDecimal("judged_close"))));
    }

    /**
     * Stores how far an open signal has been judged, only over the progress it was judged from
     * ({@code judged_until} and {@code filled_at} still {@code from}'s): a run that outlived its lock never writes
     * older progress over a newer run's (a market fill stored before any candle was judged included). Returns whether it was stored.
     */
    boolean progress(long signalId, Judging from, Judging judging) {
        return jdbc.update("""
                        update signal set filled_at = ?, judged_until = ?, judged_close = ?
                         where id = ? and status = 'OPEN' and judged_until is not distinct from ?::timestamptz
                           and filled_at is not distinct from ?::timestamptz""",
                timestamp(judging.filledAt()), timestamp(judging.judgedUntil()), judging.lastClose(), signalId,
                timestamp(from.judgedUntil()), timestamp(from.filledAt())) == 1;
    }

    /** Closes an open signal with its outcome, only over the progress it was judged from (as {@link #progress}). */
    boolean close(long signalId, Judging from, Outcome outcome, Judging judging) {
        return jdbc.update("""
                        update signal set status = ?, closed_at = ?, exit_price = ?, r_multiple = ?, filled_at = ?,
                                          judged_until = ?, judged_close = ?, outcome_rule = 'AFTER_ISSUE'
                         where id = ? and status = 'OPEN' and judged_until is not distinct from ?::timestamptz
                           and filled_at is not distinct from ?::timestamptz""",
                outcome.status(), Timestamp.from(outcome.closedAt()), outcome.exitPrice(), outcome.rMultiple(),
                timestamp(judging.filledAt()), timestamp(judging.judgedUntil()), judging.lastClose(), signalId,
                timestamp(from.judgedUntil()), timestamp(from.filledAt())) == 1;
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
