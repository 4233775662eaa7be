package io.signaldesk.portfolio.risk;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code portfolio_risk_run} (one per account and period) and {@code portfolio_risk_alert_state} (whether the owner was
 * last told "HIGH"), changed with compare-and-set so each change is told once whatever instances run.
 */
@Repository
class RiskRuns {

    private final JdbcClient jdbc;

    RiskRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the run; empty when the account already has one for that period (another instance, a rerun). */
    Optional<Long> insert(RiskRun run) {
        AccountExposure e = run.exposure();
        RiskThresholds limits = run.limits();
        return jdbc.sql("""
                insert into portfolio_risk_run (account_id, user_id, period_start, analyzed_at, level, breached, positions, equity_usdt,
                    equity_at, open_notional, unrealized_loss, largest_notional, exposure, loss_share, concentration, exposure_limit,
                    loss_limit, concentration_limit, prices_at, stale)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (account_id, period_start) do nothing returning id""")
                .params(run.accountId(), run.userId(), Timestamp.from(run.periodStart()), Timestamp.from(run.analyzedAt()),
                        run.assessment().level().name(), run.assessment().breached().stream().map(RiskRule::name).collect(Collectors.joining(",")),
                        e.positions(), e.equity(), Timestamp.from(run.equityAt()), e.openNotional(), e.unrealizedLoss(), e.largestNotional(),
                        e.exposure(), e.lossShare(), e.concentration(), limits.percent(RiskRule.EXPOSURE), limits.percent(RiskRule.LOSS),
                        limits.percent(RiskRule.CONCENTRATION), e.pricesAt() == null ? null : Timestamp.from(e.pricesAt()), run.stale())
                .query(Long.class).optional();
    }

    /** Marks the account as told "HIGH"; true only for the one caller that changed it from not told (or never). */
    boolean becameHigh(long accountId, long runId, Instant at) {
        return jdbc.sql("""
                insert into portfolio_risk_alert_state (account_id, high, changed_at, run_id) values (?, true, ?, ?)
                on conflict (account_id) do update set high = true, changed_at = excluded.changed_at, run_id = excluded.run_id
                 where not portfolio_risk_alert_state.high""")
                .params(accountId, Timestamp.from(at), runId).update() == 1;
    }

    /** Marks the account as no longer HIGH; true only for the one caller that changed it from "HIGH". */
    boolean fellBelowHigh(long accountId, long runId, Instant at) {
        return jdbc.sql("update portfolio_risk_alert_state set high = false, changed_at = ?, run_id = ? where account_id = ? and high")
                .params(Timestamp.from(at), runId, accountId).update() == 1;
    }

    /** The accounts last told "HIGH": analysed even without open positions, so their owner hears when it is over. */
    List<Long> accountsAtHigh() {
        return jdbc.sql("select account_id from portfolio_risk_alert_state where high").query(Long.class).list();
    }

    /** The users of those accounts. */
    List<Long> usersAtHigh() {
        return jdbc.sql("""
                select distinct r.user_id from portfolio_risk_alert_state s join portfolio_risk_run r on r.id = s.run_id where s.high""")
                .query(Long.class).list();
    }

    /** An account's last run as {@code /risk} shows it; ratios and limits as stored (limits in percent). */
    record Latest(long accountId, String level, int positions, BigDecimal exposure, BigDecimal lossShare, BigDecimal concentration,
                  BigDecimal exposureLimit, BigDecimal lossLimit, BigDecimal concentrationLimit, Instant analyzedAt, Instant pricesAt,
                  boolean stale) {
    }

    /** The last run of each of the user's accounts analysed since {@code since}, by account. */
    List<Latest> latestOf(long userId, Instant since) {
        return jdbc.sql("""
                select distinct on (account_id) account_id, level, positions, exposure, loss_share, concentration, exposure_limit,
                       loss_limit, concentration_limit, analyzed_at, prices_at, stale
                  from portfolio_risk_run where user_id = ? and analyzed_at >= ? order by account_id, analyzed_at desc, id desc""")
                .params(userId, Timestamp.from(since))
                .query((row, i) -> new Latest(row.getLong(1), row.getString(2), row.getInt(3), row.getBigDecimal(4), row.getBigDecimal(5),
                        row.getBigDecimal(6), row.getBigDecimal(7), row.getBigDecimal(8), row.getBigDecimal(9),
                        row.getTimestamp(10).toInstant(), row.getTimestamp(11) == null ? null : row.getTimestamp(11).toInstant(),
                        row.getBoolean(12)))
                .list();
    }
}
