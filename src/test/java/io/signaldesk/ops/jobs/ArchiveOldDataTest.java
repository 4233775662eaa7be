package io.signaldesk.ops.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signaldesk.IntegrationTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.io.TempDir;
import io.signaldesk.ops.JobReport;
import io.signaldesk.ops.RetentionPolicy;
import io.signaldesk.ops.ScheduledJobs;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention job against the real schema, with every module's declared policies and a batch size of 2.
 * "Now" is in 1960, so only the rows seeded here (before 1960) are old enough: the shared test database's
 * other rows are never touched.
 */
@IntegrationTest
class ArchiveOldDataTest {

    private static final Instant NOW = Instant.parse("1960-06-01T00:00:00Z");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    List<RetentionPolicy> policies;
    @Autowired
    ScheduledJobs jobs;
    @Autowired
    JobRunRepository runs;
    @Autowired
    TransactionTemplate transactions;

    private ArchiveOldData archive() {
        return new ArchiveOldData(jdbc, policies, Clock.fixed(NOW, ZoneOffset.UTC), 2, RetentionArchive.off(), transactions);
    }

    @Test
    void everyModuleDeclaresItsTables() {
        assertThat(policies).extracting(RetentionPolicy::table).contains("bot_action", "analysis", "llm_call", "candle",
                "indicator_value", "portfolio_risk_run", "link_code", "report_dispatch", "balance_snapshot");
        assertThat(policies).extracting(RetentionPolicy::table).doesNotContain("signal");
    }

    @Test
    void deletesBotActionsPastTheirAgeInBatches() {
        long subscription = subscription(user());
        for (int i = 0; i < 5; i++) {
            jdbc.update("insert into bot_action (subscription_id, pair, action, created_at) values (?, 'RETBTC/USDT', 'HOLD', ?)",
                    subscription, at(Duration.ofDays(31 + i)));
        }
        jdbc.update("insert into bot_action (subscription_id, pair, action, created_at) values (?, 'RETBTC/USDT', 'HOLD', ?)",
                subscription, at(Duration.ofDays(29)));
        RetentionPolicy botActions = policies.stream().filter(p -> p.name().equals("bot-actions")).findFirst().orElseThrow();

        ArchiveOldData.Removed removed = archive().apply(botActions, NOW);

        assertThat(removed.rows()).isEqualTo(5);
        assertThat(removed.batches()).isEqualTo(3);
        assertThat(count("select count(*) from bot_action where subscription_id = ?", subscription)).isEqualTo(1);
        assertThat(archive().apply(botActions, NOW).rows()).isZero();
    }

    @Test
    void writesDeletedRowsToTheArchiveDirectoryFirst(@TempDir Path dir) throws Exception {
        long subscription = subscription(user());
        for (int i = 0; i < 3; i++) {
            jdbc.update("insert into bot_action (subscription_id, pair, action, details, created_at) values (?, 'RETBTC/USDT', 'HOLD', ?, ?)",
                    subscription, "row " + i, at(Duration.ofDays(31 + i)));
        }
        RetentionPolicy botActions = policies.stream().filter(p -> p.name().equals("bot-actions")).findFirst().orElseThrow();
        RetentionArchive archive = new RetentionArchive(dir.toString());

        ArchiveOldData.Removed removed = new ArchiveOldData(jdbc, List.of(botActions), Clock.fixed(NOW, ZoneOffset.UTC), 2, archive, transactions)
                .apply(botActions, NOW);

        assertThat(removed.rows()).isEqualTo(3);
        assertThat(removed.batches()).isEqualTo(2);
        Path file = dir.resolve("bot_action-1960-06-01.jsonl.gz");
        try (var in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            assertThat(in.lines().toList()).hasSize(3).allSatisfy(line -> assertThat(line)
                    .contains("\"subscription_id\":" + subscription).contains("\"details\":\"row "));
        }
        assertThat(count("select count(*) from bot_action where subscription_id = ?", subscription)).isZero();
    }

    @Test
    void deletesNothingWhenTheArchiveCannotBeWritten(@TempDir Path dir) throws Exception {
        long subscription = subscription(user());
        jdbc.update("insert into bot_action (subscription_id, pair, action, created_at) values (?, 'RETBTC/USDT', 'HOLD', ?)",
                subscription, at(Duration.ofDays(31)));
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        RetentionPolicy botActions = policies.stream().filter(p -> p.name().equals("bot-actions")).findFirst().orElseThrow();
        var archive = new ArchiveOldData(jdbc, List.of(botActions), Clock.fixed(NOW, ZoneOffset.UTC), 2,
                new RetentionArchive(notADirectory.toString()), transactions);

        try {
            assertThatThrownBy(archive::execute).hasMessageContaining("retention failed for bot-actions");
            assertThat(count("select count(*) from bot_action where subscription_id = ?", subscription)).isEqualTo(1);
        } finally {
            jdbc.update("delete from bot_action where subscription_id = ?", subscription); // the other tests count what is old
        }
    }

    @Test
    void removesOnlyWhatIsPastEachRetentionKeepsTheTrackRecordAndRunsUnderItsLock() {
        long user = user();
        long otherUser = user();
        long subscription = subscription(user);
        long signal = closedSignal(subscription, at(Duration.ofDays(3000)));
        jdbc.update("insert into bot_action (subscription_id, pair, action, created_at) values (?, 'RETBTC/USDT', 'HOLD', ?)",
                subscription, at(Duration.ofDays(40)));

        long oldAnalysis = analysis(at(Duration.ofDays(91)));
        long analysisWithClearedAnswer = analysis(at(Duration.ofDays(20)));
        long oldCall = llmCall(at(Duration.ofDays(91)));
        long callPastRawAge = llmCall(at(Duration.ofDays(20)));
        long recentCall = llmCall(at(Duration.ofDays(10)));

        // 1m keeps the 30 days of its setting or the 50,000 candles a backtest may replay (34.7 days), whichever is longer
        candle("1m", at(Duration.ofDays(36)), true);
        candle("1m", at(Duration.ofDays(34)), true);
        candle("1m", at(Duration.ofDays(40)), false);
        candle("1h", at(Duration.ofDays(31)), true);
        candle("1h", at(Duration.ofDays(731)), true);
        candle("1d", at(Duration.ofDays(3000)), true);
        indicator("15m", at(Duration.ofDays(31)));
        indicator("15m", at(Duration.ofDays(29)));
        indicator("4h", at(Duration.ofDays(731)));
        indicator("1d", at(Duration.ofDays(3000)));

        long account = jdbc.queryForObject("insert into exchange_account (user_id, exchange, kind, paper_equity) values (?, 'paper', 'PAPER', 1000)"
                + " returning id", Long.class, user);
        long alertedRun = riskRun(account, user, at(Duration.ofDays(60)));
        long oldRun = riskRun(account, user, at(Duration.ofDays(31)));
        long recentRun = riskRun(account, user, at(Duration.ofDays(29)));
        jdbc.update("insert into portfolio_risk_alert_state (account_id, high, changed_at, run_id) values (?, true, ?, ?)",
                account, at(Duration.ofDays(60)), alertedRun);
        long oldSnapshot = snapshot(account, at(Duration.ofDays(400)));
        long latestSnapshot = snapshot(account, at(Duration.ofDays(380)));
        long staleSnapshot = jdbc.queryForObject("insert into balance_snapshot (account_id, synced_at, stale, error) values (?, ?, true, 'down')"
                + " returning id", Long.class, account, at(Duration.ofDays(370)));

        jdbc.update("insert into link_code (user_id, code_hash, platform, created_at, expires_at) values (?, ?, 'TELEGRAM', ?, ?)",
                user, "ret-old-" + user, at(Duration.ofDays(3)), at(Duration.ofDays(2)));
        jdbc.update("insert into link_code (user_id, code_hash, platform, created_at, expires_at) values (?, ?, 'TELEGRAM', ?, ?)",
                otherUser, "ret-new-" + otherUser, at(Duration.ofHours(2)), at(Duration.ofHours(1)));

        long destination = jdbc.queryForObject("insert into chat_destination (platform, chat_id, is_group) values ('LOCAL', ?, false) returning id",
                Long.class, "retention-" + user);
        long oldSent = dispatch(destination, "1959-01-01", "SENT", at(Duration.ofDays(91)));
        long oldPending = dispatch(destination, "1959-01-02", "PENDING", at(Duration.ofDays(91)));
        long recentSent = dispatch(destination, "1959-01-03", "SENT", at(Duration.ofDays(89)));

        ArchiveOldData archive = archive();
        assertThat(jobs.runReporting(ArchiveOldDataJob.JOB, archive::execute)).isTrue();

        JobRun run = runs.findByJobNameOrderByStartedAtDesc("ops.archive-old-data").getFirst();
        assertThat(run.outcome()).isEqualTo(JobOutcome.SUCCEEDED);
        // bot action 1, analysis 1, llm call 1 deleted + 1 answer cleared, candles 2, indicators 2, risk run 1, snapshot 1,
        // link code 1, dispatch 1
        assertThat(run.itemsProcessed()).isEqualTo(12);
        assertThat(run.summary()).contains("bot-actions 1 in 1 batch;", "llm-raw-answers cleared 1 in 1 batch", "candles-hourly 1 in 1 batch")
                .doesNotContain("signal");
        assertThat(count("select count(*) from shedlock where name = 'ops.archive-old-data'")).isEqualTo(1);

        assertThat(count("select count(*) from signal where id = ? and status = 'TAKE_PROFIT'", signal)).isEqualTo(1);
        assertThat(count("select count(*) from bot_action where subscription_id = ?", subscription)).isZero();
        assertThat(ids("analysis", oldAnalysis, analysisWithClearedAnswer)).containsExactly(analysisWithClearedAnswer);
        assertThat(ids("llm_call", oldCall, callPastRawAge, recentCall)).containsExactly(callPastRawAge, recentCall);
        assertThat(jdbc.queryForObject("select raw_response from llm_call where id = ?", String.class, callPastRawAge)).isNull();
        assertThat(jdbc.queryForObject("select raw_response from llm_call where id = ?", String.class, recentCall)).isEqualTo("{\"raw\":true}");
        assertThat(jdbc.queryForList("select timeframe || ' ' || closed from candle where symbol = 'RETBTC/USDT' order by timeframe, open_time",
                String.class)).containsExactly("1d true", "1h true", "1m false", "1m true");
        assertThat(jdbc.queryForList("select timeframe from indicator_value where symbol = 'RETBTC/USDT' order by timeframe", String.class))
                .containsExactly("15m", "1d");
        assertThat(ids("portfolio_risk_run", alertedRun, oldRun, recentRun)).containsExactly(alertedRun, recentRun);
        assertThat(count("select count(*) from portfolio_risk_alert_state where account_id = ?", account)).isEqualTo(1);
        assertThat(ids("balance_snapshot", oldSnapshot, latestSnapshot, staleSnapshot)).containsExactly(latestSnapshot, staleSnapshot);
        assertThat(jdbc.queryForList("select user_id from link_code where user_id in (?, ?)", Long.class, user, otherUser))
                .containsExactly(otherUser);
        assertThat(ids("report_dispatch", oldSent, oldPending, recentSent)).containsExactly(oldPending, recentSent);

        assertThat(archive.execute()).as("a rerun removes nothing more").isEqualTo(new JobReport(0, "nothing past its retention"));
    }

    private Timestamp at(Duration ago) {
        return Timestamp.from(NOW.minus(ago));
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private List<Long> ids(String table, long... ids) {
        return jdbc.queryForList("select id from " + table + " where id = any(?) order by id", Long.class, (Object) ids);
    }

    private long user() {
        return jdbc.queryForObject("insert into app_user default values returning id", Long.class);
    }

    private long subscription(long user) {
        return jdbc.queryForObject("""
                insert into subscription (user_id, bot_template_id, exchange, primary_pair, timeframes)
                values (?, (select min(id) from bot_template), 'sim', 'RETBTC/USDT', '{1h}') returning id""", Long.class, user);
    }

    private long closedSignal(long subscription, Timestamp issued) {
        return jdbc.queryForObject("""
                insert into signal (subscription_id, bot_template_id, exchange, market_type, symbol, timeframe, candle_open_time, action,
                                    confidence, entry, stop_loss, take_profits, risk_reward, reasoning, analyst, analyst_version,
                                    issued_at, status, closed_at, exit_price, r_multiple)
                values (?, (select min(id) from bot_template), 'sim', 'PERPETUAL', 'RETBTC/USDT', '1h', ?, 'BUY', 0.7, 100, 90, '{120}', 2,
                        'test', 'technical', '1', ?, 'TAKE_PROFIT', ?, 120, 2) returning id""",
                Long.class, subscription, issued, issued, issued);
    }

    private long analysis(Timestamp created) {
        return jdbc.queryForObject("""
                insert into analysis (exchange, symbol, timeframes, candle_open_time, analyst, analyst_version, min_risk_reward, action,
                                      confidence, reasoning, proposed_by, proposed_by_version, created_at)
                values ('sim', 'RETBTC/USDT', '1h', ?, 'llm', 'test', 2, 'HOLD', 0.5, 'test', 'llm', 'test', ?) returning id""",
                Long.class, created, created);
    }

    private long llmCall(Timestamp started) {
        return jdbc.queryForObject("""
                insert into llm_call (provider, model, prompt_version, input_hash, analysis_key, estimated_tokens, started_at, finished_at,
                                      outcome, raw_response)
                values ('test', 'test', '1', repeat('a', 64), 'retention', 10, ?, ?, 'ANSWERED', '{"raw":true}') returning id""",
                Long.class, started, started);
    }

    private void candle(String timeframe, Timestamp open, boolean closed) {
        jdbc.update("""
                insert into candle (exchange, market_type, symbol, timeframe, open_time, open, high, low, close, volume, closed, updated_at)
                values ('sim', 'SPOT', 'RETBTC/USDT', ?, ?, 1, 1, 1, 1, 1, ?, ?)""", timeframe, open, closed, open);
    }

    private void indicator(String timeframe, Timestamp open) {
        jdbc.update("""
                insert into indicator_value (exchange, market_type, symbol, timeframe, open_time, parameters, window_candles, window_hash,
                                             close, ema_20, ema_50, sma_50, rsi, macd, macd_signal, macd_histogram, bb_upper, bb_middle,
                                             bb_lower, atr, ema_cross_up, ema_cross_down, macd_cross_up, macd_cross_down, computed_at)
                values ('sim', 'SPOT', 'RETBTC/USDT', ?, ?, 'test', 100, 1, 1, 1, 1, 1, 50, 0, 0, 0, 1, 1, 1, 1,
                        false, false, false, false, ?)""", timeframe, open, open);
    }

    private long riskRun(long account, long user, Timestamp analyzed) {
        return jdbc.queryForObject("""
                insert into portfolio_risk_run (account_id, user_id, period_start, analyzed_at, level, positions, equity_usdt, equity_at,
                                                open_notional, unrealized_loss, largest_notional, exposure, loss_share, concentration,
                                                exposure_limit, loss_limit, concentration_limit, stale)
                values (?, ?, ?, ?, 'HIGH', 1, 1000, ?, 0, 0, 0, 0, 0, 0, 1, 1, 1, false) returning id""",
                Long.class, account, user, analyzed, analyzed, analyzed);
    }

    private long snapshot(long account, Timestamp synced) {
        return jdbc.queryForObject("insert into balance_snapshot (account_id, synced_at, equity_usdt) values (?, ?, 1000) returning id",
                Long.class, account, synced);
    }

    private long dispatch(long destination, String periodStart, String status, Timestamp created) {
        return jdbc.queryForObject("""
                insert into report_dispatch (destination_id, period_kind, period_start, zone, status, next_try_at, created_at)
                values (?, 'DAY', ?::date, 'UTC', ?, ?, ?) returning id""", Long.class, destination, periodStart, status, created, created);
    }
}
