package io.signaldesk.positions.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.EngineTest;
import io.signaldesk.EngineTestConfiguration;
import io.signaldesk.accounts.Accounts;
import io.signaldesk.market.sync.SyncCandles;
import io.signaldesk.ops.InstanceId;
import io.signaldesk.signals.ledger.RiskHistory;
import io.signaldesk.signals.run.RunSubscription;
import io.signaldesk.signals.run.SignalsProperties;
import io.signaldesk.signals.schedule.SubscriptionScheduler;
import io.signaldesk.subscriptions.SubscriptionSchedule;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The signal flow with positions, on the real database: the run analyses the first of the subscription's pairs
 * (primary, then secondaries in order) without an open position of its owner, holds when all are taken, and the risk
 * gate's "max open positions" counts the owner's open positions from that bot.
 */
@EngineTest
class SignalFlowPositionsTest {

    private static final Instant CLOSE = Instant.parse("2026-11-27T10:30:00Z");

    @Autowired
    SubscriptionSchedule schedule;
    @Autowired
    RunSubscription runs;
    @Autowired
    SignalsProperties properties;
    @Autowired
    SyncCandles sync;
    @Autowired
    RiskHistory history;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    private long owner;

    @BeforeEach
    void anOwner() {
        jdbc.update("delete from signal");
        jdbc.update("delete from subscription");
        jdbc.update("insert into bot_template (code, name, bot_type, default_timeframes, analyst) "
                + "values ('always-buy', 'Always Buy', 'SIGNALS_FUTURES', '{30m,1h,4h}', 'always-buy') on conflict (code) do nothing");
        owner = jdbc.queryForObject("insert into app_user default values returning id", Long.class);
    }

    @Test
    void anOpenPositionOnThePrimaryPairMakesTheRunAnalyseTheFirstSecondaryPair() throws Exception {
        long subscription = subscription(1000);
        position(owner, "BTC/USDT", "always-buy", "OPEN");
        position(owner, "ETH/USDT", "always-buy", "CLOSED");

        runAfterTheClose();

        assertThat(jdbc.queryForList("select symbol from signal where subscription_id = ?", String.class, subscription))
                .as("BTC is taken; a closed ETH position takes nothing").containsExactly("ETH/USDT");
    }

    @Test
    void withEveryPairTakenTheRunHoldsAndSaysWhy() throws Exception {
        long subscription = subscription(1000);
        position(owner, "BTC/USDT", "always-buy", "OPEN");
        position(owner, "ETH/USDT", null, "OPEN");
        position(owner, "SOL/USDT", "another-bot", "OPEN");

        runAfterTheClose();

        assertThat(jdbc.queryForList("select details from bot_action where subscription_id = ?", String.class, subscription))
                .containsExactly("Every pair of the subscription has an open position.");
        assertThat(jdbc.queryForObject("select count(*) from signal where subscription_id = ?", Integer.class, subscription)).isZero();
    }

    @Test
    void anotherUsersPositionOnThePairTakesNothingFromTheOwner() throws Exception {
        long subscription = subscription(1000);
        long other = jdbc.queryForObject("insert into app_user default values returning id", Long.class);
        position(other, "BTC/USDT", "always-buy", "OPEN");

        runAfterTheClose();

        assertThat(jdbc.queryForList("select symbol from signal where subscription_id = ?", String.class, subscription))
                .containsExactly("BTC/USDT");
    }

    @Test
    void maxOpenPositionsCountsTheOwnersOpenPositionsOfThatBotOnly() {
        long subscription = subscription(1);
        Instant now = clock.instant();
        assertThat(history.contextFor(subscription, owner, now, ZoneOffset.UTC).openPositions()).isZero();

        long other = jdbc.queryForObject("insert into app_user default values returning id", Long.class);
        position(other, "XRP/USDT", "always-buy", "OPEN");
        position(owner, "ADA/USDT", "always-buy", "CLOSED");
        position(owner, "TON/USDT", "another-bot", "OPEN");
        position(owner, "LINK/USDT", null, "OPEN");
        assertThat(history.contextFor(subscription, owner, now, ZoneOffset.UTC).openPositions())
                .as("another user's, a closed one, another bot's and a manual one do not count").isZero();

        position(owner, "DOGE/USDT", "always-buy", "OPEN");
        position(owner, "AVAX/USDT", "always-buy", "OPEN");
        assertThat(history.contextFor(subscription, owner, now, ZoneOffset.UTC).openPositions()).isEqualTo(2);
    }

    @Test
    void aBotAtItsMaxOpenPositionsHoldsTheSignalWithTheRiskReason() throws Exception {
        long subscription = subscription(1);
        position(owner, "DOGE/USDT", "always-buy", "OPEN");

        runAfterTheClose();

        assertThat(jdbc.queryForList("select details from bot_action where subscription_id = ?", String.class, subscription))
                .singleElement().asString().contains("Max open positions reached: 1 open of 1 allowed.");
        assertThat(jdbc.queryForObject("select count(*) from signal where subscription_id = ?", Integer.class, subscription)).isZero();
    }

    /** The owner's always-buy subscription on the simulated BTC/USDT, then ETH/USDT and SOL/USDT, synced before 10:25. */
    private long subscription(int maxOpenPositions) {
        EngineTestConfiguration.CLOCK.set(CLOSE.minus(Duration.ofMinutes(5)));
        long subscription = jdbc.queryForObject("""
                insert into subscription (user_id, bot_template_id, exchange, primary_pair, secondary_pairs, timeframes, started_at,
                                          max_open_positions, max_consecutive_losses, daily_trade_limit, cooldown_minutes)
                values (?, (select id from bot_template where code = 'always-buy'), 'sim', 'BTC/USDT', '{ETH/USDT,SOL/USDT}',
                        '{30m,1h,4h}', ?, ?, 1000, 1000, 0) returning id""", Long.class, owner,
                Timestamp.from(clock.instant().minus(Duration.ofDays(1))), maxOpenPositions);
        sync.execute();
        return subscription;
    }

    /** The 10:30 close's candles stored at 10:30:20 and the run claimed at 10:31:30. */
    private void runAfterTheClose() throws Exception {
        jdbc.update("update subscription set next_run_at = ? where user_id = ?", Timestamp.from(CLOSE.plusSeconds(90)), owner);
        EngineTestConfiguration.CLOCK.set(CLOSE.plusSeconds(20));
        sync.execute();
        EngineTestConfiguration.CLOCK.set(CLOSE.plusSeconds(90));
        var scheduler = new SubscriptionScheduler(schedule, runs, properties, new InstanceId("flow-" + UUID.randomUUID()), clock);
        assertThat(scheduler.tickAndWait()).isEqualTo(1);
    }

    private void position(long user, String pair, String bot, String status) {
        long account = accounts.paperAccountOf(user).id();
        jdbc.update("""
                insert into position (user_id, account_id, number, exchange, pair, side, entry, size, stop_loss, source, bot, status,
                                      opened_at, closed_at)
                values (?, ?, (select coalesce(max(number), 0) + 1 from position where user_id = ?), 'sim', ?, 'LONG', 100, 1, 90,
                        case when ?::text is null then 'MANUAL' else 'SIGNAL' end, ?, ?, now(), case when ? = 'OPEN' then null else now() end)""",
                user, account, user, pair, bot, bot, status, status);
    }
}
