package io.signaldesk.backtest.validation;

import io.signaldesk.backtest.Baseline;
import io.signaldesk.backtest.BacktestReport;
import io.signaldesk.backtest.Metrics;
import io.signaldesk.market.Timeframe;
import io.signaldesk.subscriptions.MarketInUse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code backtest_nightly_run} table. A run is claimed before its backtest starts: the insert that claims it does
 * nothing when the night's run of that bot, market and timeframe set is already there (another instance's, or an
 * earlier try's), so however many instances run the job, each run is made and stored once.
 */
@Repository
class NightlyRuns {

    private final JdbcTemplate jdbc;

    NightlyRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the night's run; empty when it is someone else's (or already made). */
    Optional<Long> claim(LocalDate day, String bot, MarketInUse market, Instant from, Instant to, String instance, String parameters) {
        return jdbc.query("""
                insert into backtest_nightly_run (run_day, bot, exchange, pair, timeframes, window_from, window_to, instance_id, parameters)
                values (?, ?, ?, ?, ?::text[], ?, ?, ?, ?::jsonb)
                on conflict on constraint backtest_nightly_run_key do nothing
                returning id""", (row, i) -> row.getLong(1), day, bot, market.exchange().id(), market.pair().toString(),
                array(market.timeframes().stream().map(Timeframe::code).toList()),
                Timestamp.from(from), Timestamp.from(to), instance, parameters).stream().findFirst();
    }

    void done(long id, BacktestReport report) {
        Metrics metrics = report.metrics();
        Baseline baseline = report.baseline();
        jdbc.update("""
                update backtest_nightly_run set state = 'DONE', finished_at = now(), analyst = ?, analyst_version = ?, decisions = ?,
                       trades = ?, win_rate = ?, average_r = ?, profit_factor = ?, total_return = ?, cagr = ?, sharpe = ?, sortino = ?,
                       max_drawdown = ?, buy_and_hold_return = ?, baseline_percentile = ?, baseline_edge = ?, complete = ?,
                       missing = ?, notes = ?
                 where id = ?""", report.analyst(), report.analystVersion(), report.decisions(), metrics.trades(), metrics.winRate(),
                metrics.averageR(), metrics.profitFactor(), metrics.totalReturn(), metrics.cagr(), metrics.sharpe(), metrics.sortino(),
                metrics.maxDrawdown(), metrics.buyAndHoldReturn(), baseline.percentile(), baseline.edge().name(), report.complete(),
                report.missing().isEmpty() ? null : String.join("; ", report.missing()),
                report.notes().isEmpty() ? null : String.join("\n", report.notes()), id);
    }

    void failed(long id, String error) {
        jdbc.update("update backtest_nightly_run set state = 'FAILED', finished_at = now(), complete = false, error = ? where id = ?",
                error, id);
    }

    /**
     * For each bot on each market (exchange and pair) and each timeframe set in use there, its run of THAT SET's latest
     * run day on or before {@code day} and after {@code day - lookBack}, by bot, exchange, pair and timeframes. Per set,
     * not the table's or the market's latest day: the night's runs are made one after the other (a market's sets far
     * apart), and a set whose run finishes after the validation would
     * otherwise never be judged (the next validation sees the next night's first markets only); it is judged on its
     * previous night's run instead (re-judging a day's runs records the same verdict and acts on transitions only).
     * Runs older than the look-back are not evidence about now: their market keeps its last verdict. Without the
     * markets whose latest run is still running and may yet finish (started less than {@code stillRunning} ago): they
     * are judged when it has, and their last verdict stands meanwhile. A run left RUNNING longer (its instance died)
     * is judged, as inconclusive.
     */
    List<NightlyRun> latestOnOrBefore(LocalDate day, Period lookBack, Duration stillRunning) {
        return jdbc.query("""
                with latest as (
                    select r.*, rank() over (partition by r.bot, r.exchange, r.pair, r.timeframes order by r.run_day desc) as recency
                      from backtest_nightly_run r
                     where r.run_day <= ? and r.run_day > ?)
                select * from latest r
                 where r.recency = 1
                   and not exists (select 1 from backtest_nightly_run o
                                    where o.run_day = r.run_day and o.bot = r.bot and o.exchange = r.exchange and o.pair = r.pair
                                      and o.timeframes = r.timeframes
                                      and o.state = 'RUNNING' and o.started_at > now() - make_interval(secs => ?))
                 order by r.bot, r.exchange, r.pair, r.timeframes""", (row, i) -> run(row), day, day.minus(lookBack),
                stillRunning.toSeconds());
    }

    /**
     * Whether this set has a complete run (finished, nothing missing) after {@code after}: the evidence a validation
     * pause may stand on while later nights are inconclusive.
     */
    boolean completeRunAfter(NightlyRun set, LocalDate after) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from backtest_nightly_run
                                where bot = ? and exchange = ? and pair = ? and timeframes = ?::text[] and complete and run_day > ?)""",
                Boolean.class, set.bot(), set.exchange(), set.pair(), array(set.timeframes()), after));
    }

    /** A PostgreSQL text[] literal of timeframe codes, for a {@code ?::text[]} parameter. */
    private static String array(List<String> codes) {
        return "{" + String.join(",", codes) + "}";
    }

    private static NightlyRun run(ResultSet row) throws SQLException {
        String edge = row.getString("baseline_edge");
        return new NightlyRun(row.getLong("id"), row.getObject("run_day", LocalDate.class), row.getString("bot"), row.getString("exchange"),
                row.getString("pair"), Arrays.asList((String[]) row.getArray("timeframes").getArray()), row.getString("state"),
                row.getBoolean("complete"), row.getString("missing"), row.getString("error"), row.getInt("trades"), number(row, "sharpe"),
                number(row, "total_return"), number(row, "max_drawdown"), number(row, "baseline_percentile"),
                edge == null ? null : Baseline.Edge.valueOf(edge));
    }

    private static double number(ResultSet row, String column) throws SQLException {
        Double value = row.getObject(column, Double.class);
        return value == null ? Double.NaN : value;
    }
}
