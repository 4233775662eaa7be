package io.signaldesk.market.store;

import io.signaldesk.market.Candle;
import io.signaldesk.market.SeriesKey;
import java.math.BigDecimal;
import java.sql.Array;
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
 * Candles in PostgreSQL. A series' candles are upserted in one statement (arrays unnested), so a
 * sync writes each series with one round trip; a candle whose values changed (an exchange
 * correction, or a forming candle that has since closed) is updated in place, never duplicated, and
 * an unchanged one is not rewritten.
 */
@Repository
public class CandleStore {

    private static final String UPSERT = """
            insert into candle (exchange, market_type, symbol, timeframe, open_time, open, high, low, close, volume, closed, updated_at)
            select ?, ?, ?, ?, t.open_time, t.open, t.high, t.low, t.close, t.volume, t.closed, ?
              from unnest(?::timestamptz[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[], ?::boolean[])
                   as t(open_time, open, high, low, close, volume, closed)
            on conflict (exchange, market_type, symbol, timeframe, open_time) do update
               set open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close,
                   volume = excluded.volume, closed = excluded.closed, updated_at = excluded.updated_at
             where (candle.open, candle.high, candle.low, candle.close, candle.volume, candle.closed)
                   is distinct from (excluded.open, excluded.high, excluded.low, excluded.close, excluded.volume, excluded.closed)
            """;

    private final JdbcTemplate jdbc;

    public CandleStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Upserts the candles; each closed and settled at {@code now} is marked closed. */
    public int upsert(SeriesKey key, List<Candle> candles, Instant now) {
        if (candles.isEmpty()) {
            return 0;
        }
        int size = candles.size();
        Timestamp[] openTimes = new Timestamp[size];
        BigDecimal[][] values = new BigDecimal[5][size];
        Boolean[] closed = new Boolean[size];
        for (int i = 0; i < size; i++) {
            Candle candle = candles.get(i);
            openTimes[i] = Timestamp.from(candle.openTime());
            values[0][i] = candle.open();
            values[1][i] = candle.high();
            values[2][i] = candle.low();
            values[3][i] = candle.close();
            values[4][i] = candle.volume();
            closed[i] = key.timeframe().closedAt(candle.openTime(), now);
        }
        return jdbc.execute((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
                statement.setString(1, key.exchange().id());
                statement.setString(2, key.marketType().name());
                statement.setString(3, key.symbol().toString());
                statement.setString(4, key.timeframe().code());
                statement.setTimestamp(5, Timestamp.from(now));
                statement.setArray(6, connection.createArrayOf("timestamptz", openTimes));
                for (int column = 0; column < 5; column++) {
                    Array array = connection.createArrayOf("numeric", values[column]);
                    statement.setArray(7 + column, array);
                }
                statement.setArray(12, connection.createArrayOf("boolean", closed));
                return statement.executeUpdate();
            }
        });
    }

    /** Up to {@code limit} closed candles opening after {@code after}, oldest first. */
    public List<Candle> closedAfter(SeriesKey key, Instant after, int limit) {
        return jdbc.query("""
                        select open_time, open, high, low, close, volume from candle
                         where exchange = ? and market_type = ? and symbol = ? and timeframe = ? and closed and open_time > ?
                         order by open_time limit ?""",
                CandleStore::candle, key.exchange().id(), key.marketType().name(), key.symbol().toString(),
                key.timeframe().code(), Timestamp.from(after), limit);
    }

    /** The closed candles opening in [{@code from}, {@code to}), oldest first. */
    public List<Candle> closedBetween(SeriesKey key, Instant from, Instant to) {
        return jdbc.query("""
                        select open_time, open, high, low, close, volume from candle
                         where exchange = ? and market_type = ? and symbol = ? and timeframe = ? and closed
                           and open_time >= ? and open_time < ?
                         order by open_time""",
                CandleStore::candle, key.exchange().id(), key.marketType().name(), key.symbol().toString(),
                key.timeframe().code(), Timestamp.from(from), Timestamp.from(to));
    }

    /** The open times of the closed candles stored in [{@code from}, {@code to}), oldest first (what a history fill has). */
    public List<Instant> closedOpenTimes(SeriesKey key, Instant from, Instant to) {
        return jdbc.query("""
                        select open_time from candle
                         where exchange = ? and market_type = ? and symbol = ? and timeframe = ? and closed
                           and open_time >= ? and open_time < ?
                         order by open_time""",
                (row, index) -> row.getTimestamp(1).toInstant(), key.exchange().id(), key.marketType().name(),
                key.symbol().toString(), key.timeframe().code(), Timestamp.from(from), Timestamp.from(to));
    }

    /** When the series' oldest stored closed candle opens; empty when none is stored. One index lookup. */
    public Optional<Instant> firstClosedOpenTime(SeriesKey key) {
        Timestamp first = jdbc.queryForObject("""
                        select min(open_time) from candle
                         where exchange = ? and market_type = ? and symbol = ? and timeframe = ? and closed""",
                Timestamp.class, key.exchange().id(), key.marketType().name(), key.symbol().toString(), key.timeframe().code());
        return Optional.ofNullable(first).map(Timestamp::toInstant);
    }

    /** The newest {@code count} closed candles, oldest first. */
    public List<Candle> lastClosed(SeriesKey key, int count) {
        return lastClosedOpeningBy(key, count, Instant.parse("9999-12-31T00:00:00Z"));
    }

    /** The newest {@code count} closed candles opening at or before {@code lastOpen}, oldest first. */
    public List<Candle> lastClosedOpeningBy(SeriesKey key, int count, Instant lastOpen) {
        List<Candle> newestFirst = jdbc.query("""
                        select open_time, open, high, low, close, volume from candle
                         where exchange = ? and market_type = ? and symbol = ? and timeframe = ? and closed and open_time <= ?
                         order by open_time desc limit ?""",
                CandleStore::candle,
                key.exchange().id(), key.marketType().name(), key.symbol().toString(), key.timeframe().code(),
                Timestamp.from(lastOpen), count);
        return newestFirst.reversed();
    }

    private static Candle candle(ResultSet row, int index) throws SQLException {
        return new Candle(row.getTimestamp(1).toInstant(), row.getBigDecimal(2), row.getBigDecimal(3),
                row.getBigDecimal(4), row.getBigDecimal(5), row.getBigDecimal(6));
    }
}
