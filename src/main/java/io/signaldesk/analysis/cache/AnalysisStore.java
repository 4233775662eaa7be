package io.signaldesk.analysis.cache;

import io.signaldesk.analysis.Action;
import io.signaldesk.analysis.AnalysisKey;
import io.signaldesk.analysis.Proposal;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Proposals by analysis key in PostgreSQL, so a restart or another instance never recomputes one.
 * {@link #findOrCompute} is the cross-instance single flight: under a transaction-scoped advisory lock
 * on the key, the first instance computes and stores while the others wait, then read what it stored.
 */
@Repository
public class AnalysisStore {

    private static final String COLUMNS = "action, confidence, entry, stop_loss, take_profits, risk_reward, reasoning, analyst, analyst_version";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public AnalysisStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public Optional<Proposal> find(AnalysisKey key) {
        return jdbc.query("select " + COLUMNS + " from analysis where exchange = ? and symbol = ? and timeframes = ?"
                        + " and candle_open_time = ? and analyst = ? and analyst_version = ? and min_risk_reward = ?",
                AnalysisStore::proposal, keyValues(key)).stream().findFirst();
    }

    /**
     * The stored proposal for the key, or the computed one, stored. When {@code compute} throws, nothing
     * is stored and the lock is released: the next asker computes again.
     */
    public Proposal findOrCompute(AnalysisKey key, Supplier<Proposal> compute) {
        return transactions.execute(status -> {
            jdbc.query("select pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> null, key.toString());
            Optional<Proposal> stored = find(key);
            if (stored.isPresent()) {
                return stored.get();
            }
            Proposal proposal = compute.get();
            insert(key, proposal);
            return proposal;
        });
    }

    private void insert(AnalysisKey key, Proposal p) {
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("insert into analysis (exchange, symbol, timeframes, candle_open_time, "
                    + "min_risk_reward, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing");
            Object[] keyValues = keyValues(key);
            for (int i = 0; i < 4; i++) {
                statement.setObject(i + 1, keyValues[i]);
            }
            statement.setBigDecimal(5, key.minRiskReward());
            statement.setString(6, p.action().name());
            statement.setDouble(7, p.confidence());
            statement.setBigDecimal(8, p.entry());
            statement.setBigDecimal(9, p.stopLoss());
            statement.setArray(10, connection.createArrayOf("numeric", p.takeProfits().toArray()));
            statement.setBigDecimal(11, p.riskReward());
            statement.setString(12, p.reasoning());
            statement.setString(13, key.analyst());
            statement.setString(14, key.analystVersion());
            return statement;
        });
    }

    private static Object[] keyValues(AnalysisKey key) {
        return new Object[] {key.exchange().id(), key.symbol().toString(), key.timeframeCodes(),
                Timestamp.from(key.candleOpenTime()), key.analyst(), key.analystVersion(), key.minRiskReward()};
    }

    private static Proposal proposal(ResultSet row, int index) throws SQLException {
        Array targets = row.getArray("take_profits");
        List<BigDecimal> takeProfits = targets == null ? List.of() : Arrays.asList((BigDecimal[]) targets.getArray());
        return new Proposal(Action.valueOf(row.getString("action")), row.getDouble("confidence"), row.getBigDecimal("entry"),
                row.getBigDecimal("stop_loss"), takeProfits, row.getBigDecimal("risk_reward"), row.getString("reasoning"),
                row.getString("analyst"), row.getString("analyst_version"));
    }
}
