package io.signaldesk.signals.outcome;

import io.signaldesk.analysis.Action;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketType;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Open signals, and closing one with its outcome (only while it is still open: a rerun changes nothing). */
@Repository
class SignalOutcomes {

    private final JdbcTemplate jdbc;

    SignalOutcomes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<OpenSignal> open() {
        return jdbc.query("""
                        select id, exchange, market_type, symbol, timeframe, candle_open_time, action, entry, stop_loss,
                               take_profits, issued_at from signal where status = 'OPEN' order by id""",
                (row, index) -> new OpenSignal(row.getLong("id"),
                        new SeriesKey(ExchangeId.parse(row.getString("exchange")).orElseThrow(),
                                MarketType.valueOf(row.getString("market_type")), Symbol.parse(row.getString("symbol")),
                                Timeframe.parse(row.getString("timeframe")).orElseThrow()),
                        row.getTimestamp("candle_open_time").toInstant(), Action.valueOf(row.getString("action")),
                        row.getBigDecimal("entry"), row.getBigDecimal("stop_loss"),
                        Arrays.asList((BigDecimal[]) row.getArray("take_profits").getArray()),
                        row.getTimestamp("issued_at").toInstant()));
    }

    boolean close(long signalId, Outcome outcome) {
        return jdbc.update("update signal set status = ?, closed_at = ?, exit_price = ?, r_multiple = ? where id = ? and status = 'OPEN'",
                outcome.status(), Timestamp.from(outcome.closedAt()), outcome.exitPrice(), outcome.rMultiple(), signalId) == 1;
    }
}
