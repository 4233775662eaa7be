package io.signaldesk.market.store;

import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketType;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.SeriesStatus;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code candle_series} rows: per series, the newest candles stored and how the last sync went. */
@Repository
public class SeriesStatusStore {

    private static final int MAX_ERROR_LENGTH = 500;
    private static final String COLUMNS = "exchange, market_type, symbol, timeframe, last_closed_open_time, "
            + "last_success_at, last_attempt_at, last_error, consecutive_failures";

    private final JdbcTemplate jdbc;

    public SeriesStatusStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SeriesStatus> find(SeriesKey key) {
        return jdbc.query("select " + COLUMNS + " from candle_series"
                        + " where exchange = ? and market_type = ? and symbol = ? and timeframe = ?",
                SeriesStatusStore::row, keyValues(key)).stream().findFirst();
    }

    public List<SeriesStatus> all() {
        return jdbc.query("select " + COLUMNS + " from candle_series order by exchange, symbol, timeframe", SeriesStatusStore::row);
    }

    /** A sync stored closed candles up to this open time (null: none closed); it never moves backwards. */
    public void recordSuccess(SeriesKey key, Instant lastClosedOpenTime, Instant at) {
        jdbc.update("""
                insert into candle_series (exchange, market_type, symbol, timeframe, last_closed_open_time,
                                           last_success_at, last_attempt_at, last_error, consecutive_failures)
                values (?, ?, ?, ?, ?, ?, ?, null, 0)
                on conflict (exchange, market_type, symbol, timeframe) do update
                   set last_closed_open_time = greatest(candle_series.last_closed_open_time, excluded.last_closed_open_time),
                       last_success_at = excluded.last_success_at, last_attempt_at = excluded.last_attempt_at,
                       last_error = null, consecutive_failures = 0""",
                key.exchange().id(), key.marketType().name(), key.symbol().toString(), key.timeframe().code(),
                timestamp(lastClosedOpenTime), timestamp(at), timestamp(at));
    }

    public void recordFailure(SeriesKey key, String error, Instant at) {
        String trimmed = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        jdbc.update("""
                insert into candle_series (exchange, market_type, symbol, timeframe, last_attempt_at, last_error, consecutive_failures)
                values (?, ?, ?, ?, ?, ?, 1)
                on conflict (exchange, market_type, symbol, timeframe) do update
                   set last_attempt_at = excluded.last_attempt_at, last_error = excluded.last_error,
                       consecutive_failures = candle_series.consecutive_failures + 1""",
                key.exchange().id(), key.marketType().name(), key.symbol().toString(), key.timeframe().code(),
                timestamp(at), trimmed);
    }

    private static Object[] keyValues(SeriesKey key) {
        return new Object[] {key.exchange().id(), key.marketType().name(), key.symbol().toString(), key.timeframe().code()};
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static SeriesStatus row(ResultSet row, int index) throws SQLException {
        SeriesKey key = new SeriesKey(
                ExchangeId.parse(row.getString("exchange")).orElseThrow(),
                MarketType.valueOf(row.getString("market_type")),
                Symbol.parse(row.getString("symbol")),
                Timeframe.parse(row.getString("timeframe")).orElseThrow());
        return new SeriesStatus(key, instant(row, "last_closed_open_time"), instant(row, "last_success_at"),
                instant(row, "last_attempt_at"), row.getString("last_error"), row.getInt("consecutive_failures"));
    }
}
