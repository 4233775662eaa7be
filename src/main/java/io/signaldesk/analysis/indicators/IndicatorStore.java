package io.signaldesk.analysis.indicators;

import io.signaldesk.analysis.technical.TimeframeReading;
import io.signaldesk.market.SeriesKey;
import java.sql.Connection;
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
 * statement per series: a row that is already there with the same parameters and window is left alone (a rerun or a
 * second instance writes nothing), one computed over other candles or parameters is replaced.
 */
@Repository
public class IndicatorStore {

    private static final String KEY = "exchange = ? and market_type = ? and symbol = ? and timeframe = ?";
    private static final String VALUES = "close, ema_20, ema_50, sma_50, rsi, macd, macd_signal, macd_histogram, bb_upper, "
            + "bb_middle, bb_lower, atr, ema_cross_up, ema_cross_down, macd_cross_up, macd_cross_down";
    private static final String UPSERT = """
            insert into indicator_value (exchange, market_type, symbol, timeframe, open_time, parameters, window_candles,
                   window_hash, %1$s, computed_at)
            select ?, ?, ?, ?, t.open_time, ?, t.window_candles, t.window_hash, %1$s, ?
              from unnest(?::timestamptz[], ?::integer[], ?::bigint[], ?::float8[], ?::float8[], ?::float8[], ?::float8[],
                          ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::float8[],
                          ?::float8[], ?::boolean[], ?::boolean[], ?::boolean[], ?::boolean[])
                   as t(open_time, window_candles, window_hash, %1$s)
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
    private static final int DOUBLES = 12;
    private static final int FLAGS = 4;

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

    /**
     * Upserts the rows of one series in one statement (arrays unnested), all with the same parameters and computation
     * time; returns how many were written (new, or replacing values computed over other candles or parameters).
     */
    public int upsert(SeriesKey key, List<StoredReading> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        int size = rows.size();
        Timestamp[] openTimes = new Timestamp[size];
        Integer[] windows = new Integer[size];
        Long[] hashes = new Long[size];
        Double[][] doubles = new Double[DOUBLES][size];
        Boolean[][] flags = new Boolean[FLAGS][size];
        for (int i = 0; i < size; i++) {
            StoredReading row = rows.get(i);
            TimeframeReading r = row.reading();
            openTimes[i] = Timestamp.from(row.openTime());
            windows[i] = row.windowCandles();
            hashes[i] = row.windowHash();
            double[] values = {r.close(), r.ema20(), r.ema50(), r.sma50(), r.rsi(), r.macd(), r.macdSignal(),
                    r.macdHistogram(), r.bollingerUpper(), r.bollingerMiddle(), r.bollingerLower(), r.atr()};
            for (int k = 0; k < DOUBLES; k++) {
                doubles[k][i] = values[k];
            }
            boolean[] crossings = {r.emaCrossUp(), r.emaCrossDown(), r.macdCrossUp(), r.macdCrossDown()};
            for (int k = 0; k < FLAGS; k++) {
                flags[k][i] = crossings[k];
            }
        }
        StoredReading first = rows.getFirst();
        return jdbc.execute((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
                int p = 1;
                statement.setString(p++, key.exchange().id());
                statement.setString(p++, key.marketType().name());
                statement.setString(p++, key.symbol().toString());
                statement.setString(p++, key.timeframe().code());
                statement.setString(p++, first.parameters());
                statement.setTimestamp(p++, Timestamp.from(first.computedAt()));
                statement.setArray(p++, connection.createArrayOf("timestamptz", openTimes));
                statement.setArray(p++, connection.createArrayOf("integer", windows));
                statement.setArray(p++, connection.createArrayOf("bigint", hashes));
                for (Double[] column : doubles) {
                    statement.setArray(p++, connection.createArrayOf("float8", column));
                }
                for (Boolean[] column : flags) {
                    statement.setArray(p++, connection.createArrayOf("boolean", column));
                }
                return statement.executeUpdate();
            }
        });
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
