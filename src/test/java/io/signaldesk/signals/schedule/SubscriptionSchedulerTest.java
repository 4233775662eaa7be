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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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


        // due at 10:00:30 (never run), within the 10:00 close's window: it acts on the candle that just closed; then
        // 90 s after each 30m close: 10:31:30, 11:01:30, 11:31:30, 12:01:30. Five runs, five candles, five signals.
        Map<Long, Integer> runsPerSubscription = count("select subscription_id, count(*) from bot_action where subscription_id in (%s) group by 1", subscriptions);
        Map<Long, Integer> signalsPerSubscription = count("select subscription_id, count(distinct candle_open_time) from signal where subscription_id in (%s) group by 1", subscriptions);
        assertThat(runsPerSubscription).hasSize(20).allSatisfy((id, runs) -> assertThat(runs).as("runs of %d", id).isEqualTo(5));
        assertThat(signalsPerSubscription).hasSize(20).allSatisfy((id, signals) -> assertThat(signals).isEqualTo(5));
        assertThat(issued.forSubscriptions(subscriptions)).hasSize(100)
                .extracting(SignalIssued::subscriptionId, SignalIssued::issuedAt).doesNotHaveDuplicates();
        assertThat(alwaysBuy.analyses() - analysesBefore).as("one analysis per pair and candle, shared").isEqualTo(10 * 5);
    }

    @Test
    void aWorkerKilledAtTheStartOfItsRunIsTakenOverWithinTheClosesWindowAndTheSignalIsIssuedOnce() throws Exception {
        Instant start = Instant.parse("2026-11-24T10:01:30Z");
        EngineTestConfiguration.CLOCK.set(start);
        long subscription = subscribe(1).getFirst();
        sync.execute();
        assertThat(schedule.claimDue(start, 10, "killed-worker", properties.lease())).hasSize(1); // kill -9 before it ran

        EngineTestConfiguration.CLOCK.set(start.plusSeconds(30));
        assertThat(instanceB.tickAndWait()).as("the claim is still the killed worker's").isZero();
        EngineTestConfiguration.CLOCK.set(start.plus(properties.lease()).plusSeconds(1));
        assertThat(instanceB.tickAndWait()).as("taken over a tick after the lease").isEqualTo(1);

        assertThat(details(subscription)).as("still within the 10:00 close's window (ends 10:03:30)").containsExactly("Always buy.");
        assertThat(issued.forSubscriptions(List.of(subscription))).hasSize(1);
        assertThat(jdbc.queryForList("select candle_open_time from signal where subscription_id = ?", java.sql.Timestamp.class, subscription))
                .extracting(java.sql.Timestamp::toInstant).containsExactly(Instant.parse("2026-11-24T09:30:00Z"));
        assertThat(nextRunAt(subscription)).isEqualTo(Instant.parse("2026-11-24T10:31:30Z"));
    }

    @Test
    void aKilledWorkersClaimExpiresAndTheRunHappensAgainWithoutASecondSignal() throws Exception {
        Instant start = Instant.parse("2026-11-24T10:00:30Z");
        EngineTestConfiguration.CLOCK.set(start);
        long subscription = subscribe(1).getFirst();
        sync.execute();
        DueSubscription claimed = schedule.claimDue(start, 10, "dead-worker", properties.lease()).getFirst();
        runs.run(claimed); // the dead worker got as far as logging its run and storing its signal, then died

        EngineTestConfiguration.CLOCK.set(start.plusSeconds(30));
        assertThat(instanceB.tickAndWait()).as("due, but the claim is still the dead worker's").isZero();

        EngineTestConfiguration.CLOCK.set(start.plus(properties.lease()).plusSeconds(1));
        sync.execute();
        assertThat(instanceB.tickAndWait()).as("the expired claim is taken over").isEqualTo(1);

        assertThat(details(subscription)).as("the rerun acts on the same close: the analysis is shared, the run logged again")
                .containsExactly("Always buy.", "Always buy.");
        assertThat(jdbc.queryForObject("select count(*) from signal where subscription_id = ?", Integer.class, subscription)).isEqualTo(1);
        assertThat(issued.forSubscriptions(List.of(subscription))).hasSize(1);
        assertThat(jdbc.queryForObject("select claimed_until is null from subscription where id = ?", Boolean.class, subscription)).isTrue();
    }

    @Test
    void aWorkerKilledWhenItClaimedATickLateIsTakenOverAfterTheWindowAndStillDecidesThatClose() throws Exception {
        long subscription = scheduledFor1030Close(); // due 10:31:30; the 10:30 close's window ends 10:33:30
        Instant claimedLate = Instant.parse("2026-11-27T10:32:29Z"); // the worst tick phase: due + a tick - 1 s
        EngineTestConfiguration.CLOCK.set(claimedLate);
        sync.execute();
        assertThat(schedule.claimDue(claimedLate, 10, "killed-worker", properties.lease())).hasSize(1); // kill -9 before it ran

        Instant takeover = claimedLate.plus(properties.lease()).plus(properties.tick()); // a whole tick after the lease ended
        EngineTestConfiguration.CLOCK.set(takeover);
        assertThat(restarted().tickAndWait()).isEqualTo(1);

        assertThat(takeover).isAfter(Instant.parse("2026-11-27T10:33:30Z"));
        assertThat(details(subscription)).as("the takeover decides the close the dead worker was running").containsExactly("Always buy.");
        assertThat(jdbc.queryForList("select candle_open_time from signal where subscription_id = ?", java.sql.Timestamp.class, subscription))
                .extracting(java.sql.Timestamp::toInstant).containsExactly(Instant.parse("2026-11-27T10:00:00Z"));
        assertThat(nextRunAt(subscription)).isEqualTo(Instant.parse("2026-11-27T11:01:30Z"));
    }

    @Test
    void aRunClaimedAfterItsClosesWindowLogsTheMissedCloseAndAnalysesNothing() throws Exception {
        long subscription = scheduledFor1030Close();
        EngineTestConfiguration.CLOCK.set(Instant.parse("2026-11-27T10:36:00Z")); // the instance was stopped

        assertThat(instanceA.tickAndWait()).isEqualTo(1);

        assertThat(details(subscription)).containsExactly("Missed the 10:30 UTC close of 30m: its window ended at 10:33:30 UTC, before "
                + "this run; no analysis of that candle. Next run after the 11:00 UTC close.");
        assertThat(nextRunAt(subscription)).isEqualTo(Instant.parse("2026-11-27T11:01:30Z"));
    }

    @Test
    void aSubscriptionMadeAt1559On4hAnd1dIssuesNothingOnTheOldCandleAndFirstAnalysesThe1200To1600CandleAfterTheRunDelay() throws Exception {
        Instant madeAt = Instant.parse("2026-11-25T15:59:00Z");
        EngineTestConfiguration.CLOCK.set(madeAt);
        long subscription = subscribe(1, "{4h,1d}").getFirst();
        sync.execute();
        int analysesBefore = alwaysBuy.analyses();

        assertThat(instanceA.tickAndWait()).as("claimed at once (never run)").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from bot_action where subscription_id = ?", Integer.class, subscription))
                .as("outside every close's window: nothing analysed, nothing logged").isZero();
        assertThat(alwaysBuy.analyses()).isEqualTo(analysesBefore);
        assertThat(nextRunAt(subscription)).isEqualTo(Instant.parse("2026-11-25T16:01:30Z"));

        EngineTestConfiguration.CLOCK.set(Instant.parse("2026-11-25T16:00:20Z"));
        sync.execute();
        assertThat(instanceA.tickAndWait()).as("not due before the run delay").isZero();
        EngineTestConfiguration.CLOCK.set(Instant.parse("2026-11-25T16:01:30Z"));
        assertThat(instanceB.tickAndWait()).isEqualTo(1);

        assertThat(jdbc.queryForList("select candle_open_time from signal where subscription_id = ?", java.sql.Timestamp.class, subscription))
                .extracting(java.sql.Timestamp::toInstant).as("the 12:00-16:00 candle, never the one that closed at 12:00")
                .containsExactly(Instant.parse("2026-11-25T12:00:00Z"));
        assertThat(issued.forSubscriptions(List.of(subscription))).singleElement()
                .extracting(SignalIssued::issuedAt).isEqualTo(Instant.parse("2026-11-25T16:01:30Z"));
        assertThat(alwaysBuy.analyses() - analysesBefore).isEqualTo(1);
        assertThat(nextRunAt(subscription)).isEqualTo(Instant.parse("2026-11-25T20:01:30Z"));
    }

    @Test
    void aCandleStoredFortySecondsLateIsAnalysedWithinTheWindowByTheRetryKeptInTheDatabase() throws Exception {
        long subscription = scheduledFor1030Close();

        EngineTestConfiguration.CLOCK.set(Instant.parse("2026-11-27T10:31:30Z"));
        assertThat(instanceA.tickAndWait()).isEqualTo(1);
        assertThat(details(subscription)).singleElement().asString()
                .startsWith("Waiting for the 10:30 UTC close of 30m: Candle not stored yet: sim BTC/USDT 30m perp closing at 2026-11-27T10:30:00Z")
                .endsWith("Asked again at 10:32:15 UTC; its window ends at 10:33:30 UTC.");
        assertThat(nextRunAt(subscription)).isEqualTo(Instant.parse("2026-11-27T10:32:15Z"));
        assertThat(issued.forSubscriptions(List.of(subscription))).isEmpty();

        EngineTestConfiguration.CLOCK.set(Instant.parse("2026-11-27T10:32:10Z"));
        sync.execute(); // 40 s late
        assertThat(restarted().tickAndWait()).as("not due yet: the retry time is the database's").isZero();
        EngineTestConfiguration.CLOCK.set(Instant.parse("2026-11-27T10:32:15Z"));
        assertThat(restarted().tickAndWait()).isEqualTo(1);

        assertThat(jdbc.queryForList("select candle_open_time from signal where subscription_id = ?", java.sql.Timestamp.class, subscription))
                .extracting(java.sql.Timestamp::toInstant).containsExactly(Instant.parse("2026-11-27T10:00:00Z"));
        assertThat(details(subscription)).hasSize(2).last().isEqualTo("Always buy.");
        assertThat(nextRunAt(subscription)).isEqualTo(Instant.parse("2026-11-27T11:01:30Z"));
    }

    /** Ticks of a fixed-delay scheduler, 60 s apart plus each tick's own 200 ms, from several phases against the 10:30 close. */
    @ParameterizedTest(name = "first tick at {0}")
    @ValueSource(strings = {"10:31:30", "10:31:40", "10:32:20", "10:32:29.900"})
    void aCandleNeverStoredEndsItsWindowRecordedWithoutAnalysisAndTheRunWaitsForTheNextClose(String firstTick) throws Exception {
        long subscription = scheduledFor1030Close();
        int analysesBefore = alwaysBuy.analyses();
        SubscriptionScheduler scheduler = restarted();

        int runsMade = 0;
        for (Instant tick = Instant.parse("2026-11-27T" + firstTick + "Z"); tick.isBefore(Instant.parse("2026-11-27T10:35:00Z"));
             tick = tick.plusMillis(60_200)) {
            EngineTestConfiguration.CLOCK.set(tick);
            runsMade += scheduler.tickAndWait();
        }

        assertThat(runsMade).isEqualTo(2);
        assertThat(details(subscription)).hasSize(2).last().asString()
                .startsWith("No analysis of the 10:30 UTC close of 30m: Candle not stored yet: sim BTC/USDT 30m perp closing at 2026-11-27T10:30:00Z")
                .endsWith("Its window ends at 10:33:30 UTC, before another try. Next run after the 11:00 UTC close.");
        assertThat(nextRunAt(subscription)).isEqualTo(Instant.parse("2026-11-27T11:01:30Z"));
        assertThat(alwaysBuy.analyses()).isEqualTo(analysesBefore);
        assertThat(jdbc.queryForObject("select count(*) from signal where subscription_id = ?", Integer.class, subscription)).isZero();
    }

    @Test
    void aCandleStoredJustBeforeTheWindowEndsIsAnalysedByTheLastTryALittlePastIt() throws Exception {
        long subscription = scheduledFor1030Close();
        SubscriptionScheduler scheduler = restarted();
        EngineTestConfiguration.CLOCK.set(Instant.parse("2026-11-27T10:32:29.900Z"));
        assertThat(scheduler.tickAndWait()).isEqualTo(1);
        assertThat(nextRunAt(subscription)).isEqualTo(Instant.parse("2026-11-27T10:32:30Z"));

        EngineTestConfiguration.CLOCK.set(Instant.parse("2026-11-27T10:33:20Z"));
        sync.execute(); // 3 min 20 s late
        EngineTestConfiguration.CLOCK.set(Instant.parse("2026-11-27T10:33:30.100Z"));
        assertThat(scheduler.tickAndWait()).isEqualTo(1);

        assertThat(details(subscription)).hasSize(2).last().isEqualTo("Always buy.");
        assertThat(jdbc.queryForList("select candle_open_time from signal where subscription_id = ?", java.sql.Timestamp.class, subscription))
                .extracting(java.sql.Timestamp::toInstant).containsExactly(Instant.parse("2026-11-27T10:00:00Z"));
    }

    /** A subscription on BTC/USDT 30m,1h,4h whose candles were synced at 10:25 and whose run is due at 10:31:30. */
    private long scheduledFor1030Close() {
        EngineTestConfiguration.CLOCK.set(Instant.parse("2026-11-27T10:25:00Z"));
        long subscription = subscribe(1).getFirst();
        sync.execute();
        jdbc.update("update subscription set next_run_at = ? where id = ?", java.sql.Timestamp.from(Instant.parse("2026-11-27T10:31:30Z")),
                subscription);
        return subscription;
    }

    /** A scheduler as a freshly started instance has it: all it knows is in the database. */
    private SubscriptionScheduler restarted() {
        return new SubscriptionScheduler(schedule, runs, properties, new InstanceId("restarted-" + java.util.UUID.randomUUID()), clock);
    }

    private Instant nextRunAt(long subscription) {
        return jdbc.queryForObject("select next_run_at from subscription where id = ?", java.sql.Timestamp.class, subscription).toInstant();
    }

    private List<String> details(long subscription) {
        return jdbc.queryForList("select details from bot_action where subscription_id = ? order by id", String.class, subscription);
    }

    private static int tick(SubscriptionScheduler scheduler) {
        try {
            return scheduler.tickAndWait();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Long> subscribe(int count) {
        return subscribe(count, "{30m,1h,4h}");
    }

    /** {@code count} subscriptions of as many users, on the simulated exchange's pairs in turn, with permissive risk rules. */
    private List<Long> subscribe(int count, String timeframes) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> jdbc.queryForObject("""
                insert into subscription (user_id, bot_template_id, exchange, primary_pair, timeframes, started_at,
                                          max_open_positions, max_consecutive_losses, daily_trade_limit, cooldown_minutes)
                values (?, (select id from bot_template where code = 'always-buy'), 'sim', ?, ?::text[], ?, 1000, 1000, 1000, 0)
                returning id""", Long.class, jdbc.queryForObject("insert into app_user default values returning id", Long.class), PAIRS.get(i % PAIRS.size()) + "/USDT",
                timeframes,
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
