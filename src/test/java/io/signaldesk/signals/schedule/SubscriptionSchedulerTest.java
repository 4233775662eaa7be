package io.signaldesk.signals.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.EngineTest;
import io.signaldesk.EngineTestConfiguration;
import io.signaldesk.EngineTestConfiguration.AlwaysBuy;
import io.signaldesk.EngineTestConfiguration.IssuedSignals;
import io.signaldesk.ops.InstanceId;
import io.signaldesk.market.sync.SyncCandles;
import io.signaldesk.signals.SignalIssued;
import io.signaldesk.signals.run.RunSubscription;
import io.signaldesk.signals.run.SignalsProperties;
import io.signaldesk.subscriptions.DueSubscription;
import io.signaldesk.subscriptions.SubscriptionSchedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two instances' schedulers on one database, a killed worker, and what each leaves in the ledger. */
@EngineTest
class SubscriptionSchedulerTest {

    private static final List<String> PAIRS = List.of("BTC", "ETH", "SOL", "BNB", "XRP", "DOGE", "ADA", "AVAX", "LINK", "TON");

    @Autowired
    SubscriptionScheduler instanceA;
    @Autowired
    SubscriptionSchedule schedule;
    @Autowired
    RunSubscription runs;
    @Autowired
    SignalsProperties properties;
    @Autowired
    SyncCandles sync;
    @Autowired
    AlwaysBuy alwaysBuy;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    IssuedSignals issued;

    private SubscriptionScheduler instanceB;

    @BeforeEach
    void cleanLedgerAndSecondInstance() {
        jdbc.update("delete from signal");
        jdbc.update("delete from subscription");
        jdbc.update("delete from candle where exchange = 'sim'");
        jdbc.update("delete from candle_series where exchange = 'sim'");
        jdbc.update("insert into bot_template (code, name, bot_type, default_timeframes, analyst) "
                + "values ('always-buy', 'Always Buy', 'SIGNALS_FUTURES', '{30m,1h,4h}', 'always-buy') on conflict (code) do nothing");
        instanceB = new SubscriptionScheduler(schedule, runs, properties, new InstanceId("instance-b"), clock);
    }

    @Test
    void twoSchedulersTickingTogetherRunEverySubscriptionOncePerDueTimeAndIssueEachSignalOnce() throws Exception {
        Instant start = Instant.parse("2026-11-20T10:00:30Z");
        EngineTestConfiguration.CLOCK.set(start);
        List<Long> subscriptions = subscribe(20);
        int analysesBefore = alwaysBuy.analyses();

        for (int minute = 0; minute < 130; minute++) {
            EngineTestConfiguration.CLOCK.set(start.plus(Duration.ofMinutes(minute)));
            sync.execute();
            var a = CompletableFuture.supplyAsync(() -> tick(instanceA));
            var b = CompletableFuture.supplyAsync(() -> tick(instanceB));
            a.join();
            b.join();
        }


        // due at 10:00:30 (never run) and, as that was within the run delay of the 10:00 close, again at 10:01:30;
        // then 90 s after each 30m close: 10:31:30, 11:01:30, 11:31:30, 12:01:30. Six runs, five candles, five signals:
        // the 10:01:30 run found the 09:30 candle analysed and signalled already.
        Map<Long, Integer> runsPerSubscription = count("select subscription_id, count(*) from bot_action where subscription_id in (%s) group by 1", subscriptions);
        Map<Long, Integer> signalsPerSubscription = count("select subscription_id, count(distinct candle_open_time) from signal where subscription_id in (%s) group by 1", subscriptions);
        assertThat(runsPerSubscription).hasSize(20).allSatisfy((id, runs) -> assertThat(runs).as("runs of %d", id).isEqualTo(6));
        assertThat(signalsPerSubscription).hasSize(20).allSatisfy((id, signals) -> assertThat(signals).isEqualTo(5));
        assertThat(issued.forSubscriptions(subscriptions)).hasSize(100)
                .extracting(SignalIssued::subscriptionId, SignalIssued::issuedAt).doesNotHaveDuplicates();
        assertThat(alwaysBuy.analyses() - analysesBefore).as("one analysis per pair and candle, shared").isEqualTo(10 * 5);
    }

    @Test
    void aKilledWorkersClaimExpiresAndTheRunHappensLaterWithoutASecondSignal() throws Exception {
        Instant start = Instant.parse("2026-11-24T10:00:30Z");
        EngineTestConfiguration.CLOCK.set(start);
        long subscription = subscribe(1).getFirst();
        sync.execute();
        DueSubscription claimed = schedule.claimDue(start, 10, "dead-worker", properties.lease(), properties.runDelay()).getFirst();
        runs.run(claimed); // the dead worker got as far as logging its run and storing its signal, then died

        EngineTestConfiguration.CLOCK.set(start.plus(Duration.ofMinutes(1)));
        jdbc.update("update subscription set next_run_at = ? where id = ?", java.sql.Timestamp.from(start), subscription);
        assertThat(instanceB.tickAndWait()).as("due, but the claim is still the dead worker's").isZero();

        EngineTestConfiguration.CLOCK.set(start.plus(properties.lease()).plusSeconds(1));
        sync.execute();
        assertThat(instanceB.tickAndWait()).as("the expired claim is taken over").isEqualTo(1);

        assertThat(jdbc.queryForObject("select count(*) from bot_action where subscription_id = ?", Integer.class, subscription)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from signal where subscription_id = ?", Integer.class, subscription)).isEqualTo(1);
        assertThat(issued.forSubscriptions(List.of(subscription))).hasSize(1);
        assertThat(jdbc.queryForObject("select claimed_until is null from subscription where id = ?", Boolean.class, subscription)).isTrue();
    }

    @Test
    void aRunClaimedWithinTheRunDelayAfterACloseIsDueAgainWhenThatCloseHasBeenSynced() {
        Instant justAfterClose = Instant.parse("2026-11-27T10:30:45Z");
        EngineTestConfiguration.CLOCK.set(justAfterClose);
        long subscription = subscribe(1).getFirst();

        schedule.claimDue(justAfterClose, 10, "probe", properties.lease(), properties.runDelay());

        assertThat(jdbc.queryForObject("select next_run_at from subscription where id = ?", java.sql.Timestamp.class, subscription)
                .toInstant()).isEqualTo(Instant.parse("2026-11-27T10:31:30Z"));
        schedule.claimDue(Instant.parse("2026-11-27T10:31:30Z"), 10, "probe", properties.lease(), properties.runDelay());
        assertThat(jdbc.queryForObject("select next_run_at from subscription where id = ?", java.sql.Timestamp.class, subscription)
                .toInstant()).as("not yet claimable: the first claim's lease holds").isEqualTo(Instant.parse("2026-11-27T10:31:30Z"));
    }

    @Test
    void aNewPairWithoutCandlesYetIsRetriedSoonNotOnlyAtTheNextClose() throws Exception {
        Instant start = Instant.parse("2026-11-29T10:05:00Z");
        EngineTestConfiguration.CLOCK.set(start);
        long subscription = subscribe(1).getFirst();

        assertThat(instanceA.tickAndWait()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select details from bot_action where subscription_id = ?", String.class, subscription))
                .startsWith("No fresh data");
        assertThat(jdbc.queryForObject("select next_run_at from subscription where id = ?", java.sql.Timestamp.class, subscription)
                .toInstant()).isEqualTo(start.plus(properties.dataRetry()));

        EngineTestConfiguration.CLOCK.set(start.plus(properties.dataRetry()));
        sync.execute();
        assertThat(instanceA.tickAndWait()).isEqualTo(1);
        assertThat(issued.forSubscriptions(List.of(subscription))).hasSize(1);
    }

    private static int tick(SubscriptionScheduler scheduler) {
        try {
            return scheduler.tickAndWait();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code count} subscriptions of as many users, on the simulated exchange's pairs in turn, with permissive risk rules. */
    private List<Long> subscribe(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> jdbc.queryForObject("""
                insert into subscription (user_id, bot_template_id, exchange, primary_pair, timeframes, started_at,
                                          max_open_positions, max_consecutive_losses, daily_trade_limit, cooldown_minutes)
                values (?, (select id from bot_template where code = 'always-buy'), 'sim', ?, '{30m,1h,4h}', ?, 1000, 1000, 1000, 0)
                returning id""", Long.class, jdbc.queryForObject("insert into app_user default values returning id", Long.class), PAIRS.get(i % PAIRS.size()) + "/USDT",
                java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(1))))).toList();
    }

    private Map<Long, Integer> count(String sql, List<Long> ids) {
        String in = String.join(",", ids.stream().map(String::valueOf).toList());
        Map<Long, Integer> counts = new java.util.HashMap<>();
        jdbc.query(sql.formatted(in), row -> {
            counts.put(row.getLong(1), row.getInt(2));
        });
        return counts;
    }
}
