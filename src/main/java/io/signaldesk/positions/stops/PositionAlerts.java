package io.signaldesk.positions.stops;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code position_alert} rows (one per position and level: the primary key decides who alerts) and
 * {@code position_stop_check} (how far each position's price has been looked at).
 */
@Repository
class PositionAlerts {

    /** One alert as stored. */
    record Alert(long positionId, int number, String pair, String side, Level level, BigDecimal price, Instant crossedAt) {
    }

    private final JdbcClient jdbc;

    PositionAlerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids of the open positions with a stop or a target. */
    List<Long> openWithLevels() {
        return jdbc.sql("""
                select id from position where status = 'OPEN'
                   and (stop_loss is not null or take_profit_1 is not null or take_profit_2 is not null or take_profit_3 is not null)
                 order by id""").query(Long.class).list();
    }

    /** Where the last check of the position ended; empty before its first. */
    Optional<Instant> checkedUntil(long positionId) {
        return jdbc.sql("select checked_until from position_stop_check where position_id = ?").param(positionId)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** Moves the position's check forward to {@code until} (never back). */
    void checked(long positionId, Instant until) {
        jdbc.sql("""
                insert into position_stop_check (position_id, checked_until) values (?, ?)
                on conflict (position_id) do update set checked_until = greatest(position_stop_check.checked_until, excluded.checked_until)""")
                .params(positionId, Timestamp.from(until)).update();
    }

    /** The levels of the position already alerted. */
    Set<Level> alerted(long positionId) {
        Set<Level> levels = EnumSet.noneOf(Level.class);
        jdbc.sql("select level from position_alert where position_id = ?").param(positionId).query(String.class).list()
                .forEach(level -> levels.add(Level.valueOf(level)));
        return levels;
    }

    /** Locks the position's row until the transaction ends; whether it is still open. */
    boolean lockOpen(long positionId) {
        return jdbc.sql("select status from position where id = ? for update").param(positionId).query(String.class).optional()
                .filter("OPEN"::equals).isPresent();
    }

    /** Records the crossing unless this level of the position is already recorded; whether this call recorded it. */
    boolean record(long positionId, Crossing crossing) {
        return jdbc.sql("""
                insert into position_alert (position_id, level, price, crossed_at) values (?, ?, ?, ?)
                on conflict (position_id, level) do nothing""")
                .params(positionId, crossing.level().name(), crossing.price(), Timestamp.from(crossing.at())).update() == 1;
    }

    /** One recorded alert of a user's position. */
    Optional<Alert> find(long userId, long positionId, Level level) {
        return jdbc.sql(SELECT + " where p.user_id = ? and a.position_id = ? and a.level = ?").params(userId, positionId, level.name())
                .query(PositionAlerts::alert).optional();
    }

    /** The alerts of a user's open positions, newest first, at most {@code limit}. */
    List<Alert> ofOpenPositions(long userId, int limit) {
        return jdbc.sql(SELECT + " where p.user_id = ? and p.status = 'OPEN' order by a.crossed_at desc, p.number limit ?")
                .params(userId, limit).query(PositionAlerts::alert).list();
    }

    private static final String SELECT = """
            select a.position_id, p.number, p.pair, p.side, a.level, a.price, a.crossed_at
              from position_alert a join position p on p.id = a.position_id""";

    private static Alert alert(java.sql.ResultSet row, int i) throws java.sql.SQLException {
        return new Alert(row.getLong("position_id"), row.getInt("number"), row.getString("pair"), row.getString("side"),
                Level.valueOf(row.getString("level")), row.getBigDecimal("price"), row.getTimestamp("crossed_at").toInstant());
    }
}
