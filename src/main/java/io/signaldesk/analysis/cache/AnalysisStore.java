package io.signaldesk.analysis.cache;

import io.signaldesk.analysis.Action;
import io.signaldesk.analysis.AnalysisKey;
import io.signaldesk.analysis.Analyst;
import io.signaldesk.analysis.Proposal;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Arrays;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Proposals by analysis key in PostgreSQL, so a restart or another instance never recomputes one.
 * {@link #findOrCompute} is the cross-instance single flight: the first instance to <b>claim</b> the key
 * (a row in {@code analysis_claim} with a lease) computes and stores, the others poll until the
 * proposal is there. The computation runs outside any transaction: a model that takes 20 s to answer
 * holds no connection and no lock, and a crashed computer's claim is taken over when its lease ends.
 */
@Repository
public class AnalysisStore {

    private static final String COLUMNS = "action, confidence, entry, stop_loss, take_profits, risk_reward, reasoning, "
            + "proposed_by, proposed_by_version";
    private static final Duration FIRST_POLL = Duration.ofMillis(20);
    private static final Duration LONGEST_POLL = Duration.ofMillis(250);

    private final JdbcTemplate jdbc;
    private final Duration lease;

    /** @param computeTimeout how long a computation may run; claims last a little longer */
    public AnalysisStore(JdbcTemplate jdbc, @Value("${signaldesk.analysis.timeout}") Duration computeTimeout) {
        this.jdbc = jdbc;
        this.lease = computeTimeout.plusSeconds(10);
    }

    public Optional<Proposal> find(AnalysisKey key) {
        return jdbc.query("select " + COLUMNS + " from analysis where exchange = ? and symbol = ? and timeframes = ?"
                        + " and candle_open_time = ? and analyst = ? and analyst_version = ? and min_risk_reward = ?",
                AnalysisStore::proposal, keyValues(key)).stream().findFirst();
    }

    /**
     * Every stored proposal of an analyst (at this version, with this minimum reward-to-risk) on a pair and its timeframes
     * whose base candle opens in [{@code fromOpen}, {@code toOpen}), by that open time: what a backtest of a model-calling
     * analyst replays. A version keyed with the news it read ({@code <version>+news:<digest>}, {@link
     * io.signaldesk.analysis.Analyst#keyVersion}) is the same analyst version.
     */
    public Map<Instant, Proposal> between(ExchangeId exchange, Symbol symbol, List<Timeframe> timeframes, String analyst,
                                          String analystVersion, BigDecimal minRiskReward, Instant fromOpen, Instant toOpen) {
        String codes = timeframes.stream().sorted().distinct().map(Timeframe::code).collect(Collectors.joining(","));
        Map<Instant, Proposal> found = new TreeMap<>();
        jdbc.query("select candle_open_time, " + COLUMNS + " from analysis where exchange = ? and symbol = ? and timeframes = ?"
                        + " and analyst = ? and (analyst_version = ? or left(analyst_version, ?) = ?) and min_risk_reward = ?"
                        + " and candle_open_time >= ? and candle_open_time < ?",
                row -> {
                    found.put(row.getTimestamp("candle_open_time").toInstant(), proposal(row, 0));
                }, exchange.id(), symbol.toString(), codes, analyst, analystVersion, (analystVersion + Analyst.NEWS).length(),
                analystVersion + Analyst.NEWS, minRiskReward, Timestamp.from(fromOpen),
                Timestamp.from(toOpen));
        return found;
    }

    /**
     * The stored proposal for the key, or the computed one, stored. When {@code compute} throws, nothing
     * is stored and the claim is released: the next asker computes again. A waiter gives up with
     * {@link StillComputing} when the key stays claimed for longer than a lease.
     */
    public Proposal findOrCompute(AnalysisKey key, Supplier<Proposal> compute) {
        long deadline = System.nanoTime() + lease.toNanos();
        Duration poll = FIRST_POLL;
        while (true) {
            Optional<Proposal> stored = find(key);
            if (stored.isPresent()) {
                return stored.get();
            }
            String claim = UUID.randomUUID().toString();
            if (claim(key, claim)) {
                try {
                    // the previous claimer may have stored and released between our read and our claim
                    return find(key).orElseGet(() -> {
                        Proposal proposal = compute.get();
                        insert(key, proposal);
                        return proposal;
                    });
                } finally {
                    jdbc.update("delete from analysis_claim where analysis_key = ? and claimed_by = ?", key.toString(), claim);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new StillComputing(key);
            }
            sleep(poll);
            poll = Collections.min(List.of(poll.multipliedBy(2), LONGEST_POLL));
        }
    }

    private boolean claim(AnalysisKey key, String claim) {
        return jdbc.update("insert into analysis_claim (analysis_key, claimed_by, claimed_until)"
                + " values (?, ?, now() + make_interval(secs => ?))"
                + " on conflict (analysis_key) do update set claimed_by = excluded.claimed_by, claimed_until = excluded.claimed_until"
                + " where analysis_claim.claimed_until < now()", key.toString(), claim, (double) lease.toMillis() / 1000) == 1;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while another computer finished the analysis", e);
        }
    }

    /** Another computer holds the key's claim for longer than a lease: the asker answers without waiting more. */
    public static final class StillComputing extends RuntimeException {
        StillComputing(AnalysisKey key) {
            super("another instance is still analysing " + key, null, false, false);
        }
    }

    private void insert(AnalysisKey key, Proposal p) {
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("insert into analysis (exchange, symbol, timeframes, candle_open_time, "
                    + "min_risk_reward, analyst, analyst_version, " + COLUMNS + ")"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing");
            Object[] keyValues = keyValues(key);
            for (int i = 0; i < 4; i++) {
                statement.setObject(i + 1, keyValues[i]);
            }
            statement.setBigDecimal(5, key.minRiskReward());
            statement.setString(6, key.analyst());
            statement.setString(7, key.analystVersion());
            statement.setString(8, p.action().name());
            statement.setDouble(9, p.confidence());
            statement.setBigDecimal(10, p.entry());
            statement.setBigDecimal(11, p.stopLoss());
            statement.setArray(12, connection.createArrayOf("numeric", p.takeProfits().toArray()));
            statement.setBigDecimal(13, p.riskReward());
            statement.setString(14, p.reasoning());
            statement.setString(15, p.analyst());
            statement.setString(16, p.analystVersion());
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
                row.getString("proposed_by"), row.getString("proposed_by_version"));
    }
}
