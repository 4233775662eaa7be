package io.signaldesk.analysis.indicators;

import io.signaldesk.analysis.technical.TimeframeReading;
import io.signaldesk.market.SeriesKey;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Stored indicator values ({@code indicator_value}), one row per series and closed candle. Rows are upserted in one
 * batch per series: a row that is already there with the same parameters and window is left alone (a rerun or a
 * second instance writes nothing), one computed over other candles or parameters is replaced.
 */
@Repository
public class IndicatorStore {

    private static final String KEY = "exchange = ? and market_type = ? and symbol = ? and timeframe = ?";
    private static final String VALUES = "close, ema_20, ema_50, sma_50, rsi, macd, macd_signal, macd_histogram, bb_upper, "
            + "bb_middle, bb_lower, atr, ema_cross_up, ema_cross_down, macd_cross_up, macd_cross_down";
    private static final String UPSERT = """
            insert into indicator_value (exchange, market_type, symbol, timeframe, open_time, parameters, window_candles,
                   window_hash, %s, computed_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (exchange, market_type, symbol, timeframe, open_time) do update
               set parameters = excluded.parameters, window_candles = excluded.window_candles,
                   window_hash = excluded.window_hash, close = excluded.close, ema_20 = excluded.ema_20,
                   ema_50 = excluded.ema_50, sma_50 = excluded.sma_50, rsi = excluded.rsi, macd = excluded.macd,
                   macd_signal = excluded.macd_signal, macd_histogram = excluded.macd_histogram,
                   bb_upper = excluded.bb_upper, bb_middle = excluded.bb_middle, bb_lower = excluded.bb_lower,
                   atr = excluded.atr, ema_cross_up = excluded.ema_cross_up, ema_cross_down = excluded.ema_cross_down,
                   macd_cross_up = excluded.macd_cross_up, macd_cross_down = excluded.macd_cross_down,
                   computed_at = excluded.computed_at
             where (indicator_value.parameters, indicator_value.window_candles, indicator_value.window_hash)
                   is distinct from (excluded.parameters, excluded.window_candles, excluded.window_hash)
            """.formatted(VALUES);

    private final JdbcTemplate jdbc;

    public IndicatorStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored values at the candle opening at {@code openTime}, if any. */
    public Optional<StoredReading> find(SeriesKey key, Instant openTime) {
        return jdbc.query("select open_time, parameters, window_candles, window_hash, computed_at, " + VALUES
                        + " from indicator_value where " + KEY + " and open_time = ?",
                (rs, row) -> stored(rs, key), key.exchange().id(), key.marketType().name(), key.symbol().toString(),
                key.timeframe().code(), Timestamp.from(openTime)).stream().findFirst();
    }

    /** The open time of the series' newest stored candle computed with {@code parameters}, if any. */
    public Optional<Instant> lastOpenTime(SeriesKey key, String parameters) {
        Timestamp last = jdbc.queryForObject("select max(open_time) from indicator_value where " + KEY + " and parameters = ?",
                Timestamp.class, key.exchange().id(), key.marketType().name(), key.symbol().toString(), key.timeframe().code(),
                parameters);
        return Optional.ofNullable(last).map(Timestamp::toInstant);
    }

    /** Upserts the rows in one batch; returns how many were written (new or replaced). */
    public int upsert(SeriesKey key, List<StoredReading> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        int[][] counts = jdbc.batchUpdate(UPSERT, rows, rows.size(), (statement, row) -> bind(statement, key, row));
        int written = 0;
        for (int[] batch : counts) {
            for (int count : batch) {
                written += Math.max(count, 0);
            }
        }
        return written;
    }

    private static void bind(PreparedStatement statement, SeriesKey key, StoredReading row) throws SQLException {
        TimeframeReading r = row.reading();
        statement.setString(1, key.exchange().id());
        statement.setString(2, key.marketType().name());
        statement.setString(3, key.symbol().toString());
        statement.setString(4, key.timeframe().code());
        statement.setTimestamp(5, Timestamp.from(row.openTime()));
        statement.setString(6, row.parameters());
        statement.setInt(7, row.windowCandles());
        statement.setLong(8, row.windowHash());
        double[] values = {r.close(), r.ema20(), r.ema50(), r.sma50(), r.rsi(), r.macd(), r.macdSignal(), r.macdHistogram(),
                r.bollingerUpper(), r.bollingerMiddle(), r.bollingerLower(), r.atr()};
        for (int i = 0; i < values.length; i++) {
            statement.setDouble(9 + i, values[i]);
        }
        statement.setBoolean(21, r.emaCrossUp());
        statement.setBoolean(22, r.emaCrossDown());
        statement.setBoolean(23, r.macdCrossUp());
        statement.setBoolean(24, r.macdCrossDown());
        statement.setTimestamp(25, Timestamp.from(row.computedAt()));
    }

    private static StoredReading stored(ResultSet rs, SeriesKey key) throws SQLException {
        var reading = new TimeframeReading(key.timeframe(), rs.getDouble("close"), rs.getDouble("ema_20"), rs.getDouble("ema_50"),
                rs.getDouble("sma_50"), rs.getDouble("rsi"), rs.getDouble("macd"), rs.getDouble("macd_signal"),
                rs.getDouble("macd_histogram"), rs.getDouble("bb_upper"), rs.getDouble("bb_middle"), rs.getDouble("bb_lower"),
                rs.getDouble("atr"), rs.getBoolean("ema_cross_up"), rs.getBoolean("ema_cross_down"),
                rs.getBoolean("macd_cross_up"), rs.getBoolean("macd_cross_down"));
        return new StoredReading(rs.getTimestamp("open_time").toInstant(), rs.getString("parameters"), rs.getInt("window_candles"),
                rs.getLong("window_hash"), reading, rs.getTimestamp("computed_at").toInstant());
    }
}
