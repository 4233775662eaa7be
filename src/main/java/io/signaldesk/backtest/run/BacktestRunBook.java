package io.signaldesk.backtest.run;

import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import io.signaldesk.chat.Platform;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The {@code backtest_run} queue. One queued or running run per user (a unique partial index, so two requests at
 * once cannot both pass); a worker claims the oldest queued run with {@code FOR UPDATE SKIP LOCKED} and a lease
 * it renews; every change after the claim names the owner, so a worker whose lease was taken (its run marked
 * interrupted) writes nothing. Times come from the clock, so a test can move them.
 */
@Repository
class BacktestRunBook {

    /** A run whose message id never came (the adapter failed after sending, or did not say) is run anyway after this. */
    static final Duration RECEIPT_WAIT = Duration.ofSeconds(30);

    /**
     * A run still queued this long after it was asked for is given up (marked failed): no instance serves its chat's
     * platform, or the queue stood still; left queued it would hold its user's one place for ever.
     */
    static final Duration QUEUE_EXPIRY = Duration.ofHours(6);

    private static final String COLUMNS = "id, user_id, destination_id, locale, message_id, exchange, pair, timeframes, days, bot, span_from, span_to, status";
    private static final RowMapper<BacktestRun> ROW = BacktestRunBook::row;

    /** What became of a request to queue a run. */
    sealed interface Queued {
        /** Queued; {@code ahead} queued runs come first, {@code running} run now (on all instances). */
        record Created(BacktestRun run, int ahead, int running) implements Queued {
        }

        /** The user already has this run queued or running. */
        record Busy(long id, BacktestRun.Status status) implements Queued {
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    BacktestRunBook(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Queued enqueue(BacktestRun.Ask ask) {
        BacktestRun run;
        try {
            run = jdbc.queryForObject("""
                    insert into backtest_run (user_id, destination_id, locale, exchange, pair, timeframes, days, bot, span_from, span_to, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning\s""" + COLUMNS, ROW,
                    ask.userId(), ask.destinationId(), ask.locale().toLanguageTag(), ask.exchange().id(), ask.pair().toString(),
                    String.join(",", ask.timeframes().stream().map(Timeframe::code).toList()), ask.days(), ask.bot(),
                    Timestamp.from(ask.from()), Timestamp.from(ask.to()), Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException already) {
            return jdbc.query("select id, status from backtest_run where user_id = ? and status in ('queued', 'running')",
                            (row, i) -> (Queued) new Queued.Busy(row.getLong("id"), status(row.getString("status"))), ask.userId())
                    .stream().findFirst()
                    // finished between the insert and this read: the user may simply ask again
                    .orElseGet(() -> new Queued.Busy(0, BacktestRun.Status.DONE));
        }
        int ahead = count("select count(*) from backtest_run where status = 'queued' and id < ?", run.id());
        int running = count("select count(*) from backtest_run where status = 'running' and id <> ?", run.id());
        return new Queued.Created(run, ahead, running);
    }

    /** The adapter sent the run's message: it may be edited from now on. */
    void messageSent(long id, String messageId) {
        jdbc.update("update backtest_run set message_id = ? where id = ?", messageId, id);
    }

    Optional<String> messageId(long id) {
        return jdbc.query("select message_id from backtest_run where id = ? and message_id is not null", (row, i) -> row.getString(1), id)
                .stream().findFirst();
    }

    /**
     * Claims the oldest queued run for {@code owner} until now + lease, among those whose chat is on one of
     * {@code platforms} (the ones this instance can send to now: a result must not be computed where it cannot be
     * delivered).
     */
    Optional<BacktestRun> claim(String owner, Duration lease, Set<Platform> platforms) {
        if (platforms.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return jdbc.query(con -> {
            var statement = con.prepareStatement("""
                    update backtest_run set status = 'running', lease_owner = ?, lease_until = ?, started_at = ?
                     where id = (select r.id from backtest_run r join chat_destination d on d.id = r.destination_id
                                  where r.status = 'queued' and (r.message_id is not null or r.created_at <= ?) and d.platform = any (?)
                                  order by r.id limit 1 for update of r skip locked)
                    returning\s""" + COLUMNS);
            statement.setString(1, owner);
            statement.setTimestamp(2, Timestamp.from(now.plus(lease)));
            statement.setTimestamp(3, Timestamp.from(now));
            statement.setTimestamp(4, Timestamp.from(now.minus(RECEIPT_WAIT)));
            statement.setArray(5, con.createArrayOf("text", platforms.stream().map(Platform::name).toArray()));
            return statement;
        }, ROW).stream().findFirst();
    }

    /** Extends a claimed run's lease; false when it is no longer this owner's (interrupted by another instance). */
    boolean renew(long id, String owner, Duration lease) {
        return jdbc.update("update backtest_run set lease_until = ? where id = ? and status = 'running' and lease_owner = ?",
                Timestamp.from(clock.instant().plus(lease)), id, owner) == 1;
    }

    /** A done run's figures; false when the run is no longer this owner's. */
    boolean done(long id, String owner, Summary summary) {
        return jdbc.update("""
                update backtest_run set status = 'done', finished_at = ?, lease_until = null, trades = ?, total_return = ?,
                       max_drawdown = ?, sharpe = ?, edge = ?, percentile = ?, complete = ?, reason = ?
                 where id = ? and status = 'running' and lease_owner = ?""",
                Timestamp.from(clock.instant()), summary.trades(), finite(summary.totalReturn()), finite(summary.maxDrawdown()),
                finite(summary.sharpe()), summary.edge(), finite(summary.percentile()), summary.complete(), summary.missing(), id, owner) == 1;
    }

    /** A run that ended without a result: {@code FAILED} or {@code REFUSED}, with the reason. */
    boolean ended(long id, String owner, BacktestRun.Status status, String reason) {
        return jdbc.update("""
                update backtest_run set status = ?, finished_at = ?, lease_until = null, reason = ?
                 where id = ? and status = 'running' and lease_owner = ?""",
                status.column(), Timestamp.from(clock.instant()), shorten(reason), id, owner) == 1;
    }

    /**
     * Marks every run whose lease ended while it ran (its instance died or restarted) as interrupted and returns
     * them, each once however many instances sweep at the same time; only runs whose chat is on one of
     * {@code platforms} (those this instance can edit messages on now), so the sweeper can say so in their message.
     */
    List<BacktestRun> interruptExpired(Set<Platform> platforms) {
        if (platforms.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        return jdbc.query(con -> {
            var statement = con.prepareStatement("""
                    update backtest_run set status = 'interrupted', finished_at = ?,
                           reason = 'its instance (' || coalesce(lease_owner, '?') || ') stopped while it ran'
                     where status = 'running' and lease_until < ?
                       and destination_id in (select id from chat_destination where platform = any (?))
                    returning\s""" + COLUMNS);
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setTimestamp(2, Timestamp.from(now));
            statement.setArray(3, con.createArrayOf("text", platforms.stream().map(Platform::name).toArray()));
            return statement;
        }, ROW);
    }

    /**
     * Marks every run queued for longer than {@code age} on the given platforms (those this instance can edit the
     * message on, so none is marked failed where nobody can say so) as failed and returns them, each once however many
     * instances sweep at the same time.
     */
    List<BacktestRun> expireQueued(Set<Platform> platforms, Duration age) {
        if (platforms.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        return jdbc.query(con -> {
            var statement = con.prepareStatement("""
                    update backtest_run set status = 'failed', finished_at = ?, reason = ?
                     where status = 'queued' and created_at < ?
                       and destination_id in (select id from chat_destination where platform = any (?))
                    returning\s""" + COLUMNS);
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setString(2, "no instance took it within " + age.toHours() + " h");
            statement.setTimestamp(3, Timestamp.from(now.minus(age)));
            statement.setArray(4, con.createArrayOf("text", platforms.stream().map(Platform::name).toArray()));
            return statement;
        }, ROW);
    }

    /** This instance stops: its own running run is interrupted now rather than when its lease ends. */
    boolean interruptOwn(long id, String owner) {
        return jdbc.update("""
                update backtest_run set status = 'interrupted', finished_at = ?, lease_until = null, reason = 'its instance stopped while it ran'
                 where id = ? and status = 'running' and lease_owner = ?""", Timestamp.from(clock.instant()), id, owner) == 1;
    }

    Optional<BacktestRun> find(long id) {
        return jdbc.query("select " + COLUMNS + " from backtest_run where id = ?", ROW, id).stream().findFirst();
    }

    /** The figures kept with a done run. */
    record Summary(int trades, double totalReturn, double maxDrawdown, double sharpe, String edge, double percentile, boolean complete,
                   String missing) {
    }

    private int count(String sql, Object... args) {
        Integer count = jdbc.queryForObject(sql, Integer.class, args);
        return count == null ? 0 : count;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static String shorten(String reason) {
        return reason == null || reason.length() <= 2000 ? reason : reason.substring(0, 2000);
    }

    private static BacktestRun.Status status(String column) {
        return BacktestRun.Status.valueOf(column.toUpperCase(Locale.ROOT));
    }

    private static BacktestRun row(ResultSet row, int i) throws SQLException {
        return new BacktestRun(row.getLong("id"), row.getLong("user_id"), row.getLong("destination_id"),
                Locale.forLanguageTag(row.getString("locale")), row.getString("message_id"),
                ExchangeId.parse(row.getString("exchange")).orElseThrow(), Symbol.parse(row.getString("pair")),
                Arrays.stream(row.getString("timeframes").split(",")).map(code -> Timeframe.parse(code).orElseThrow()).toList(),
                row.getInt("days"), row.getString("bot"), row.getTimestamp("span_from").toInstant(), row.getTimestamp("span_to").toInstant(),
                status(row.getString("status")));
    }
}
