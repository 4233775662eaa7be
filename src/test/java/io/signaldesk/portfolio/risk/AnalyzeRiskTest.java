package io.signaldesk.portfolio.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.accounts.Accounts;
import io.signaldesk.chat.Button;
import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.ChatDestination;
import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.ChatReplies;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import io.signaldesk.notifications.NotificationKind;
import io.signaldesk.ops.ScheduledJobs;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code risk.analyze} against PostgreSQL on a trader's paper account (its equity is SIGNALDESK_PAPER_EQUITY): a run per
 * account and period whatever instances, an alert only when the level changes to HIGH (and an all-clear when it falls),
 * stale marks held, the alert rendered with its owner-only button running {@code /positions}, and {@code /risk}.
 */
@IntegrationTest
class AnalyzeRiskTest {

    private static final AtomicLong ACCOUNTS = new AtomicLong(780_000_000L + System.nanoTime() % 100_000_000L);

    @Autowired
    AnalyzeRisk analyze;
    @Autowired
    CommandDispatcher dispatcher;
    @Autowired
    Accounts accounts;
    @Autowired
    ChatDestinations destinations;
    @Autowired
    RiskAlertKind kind;
    @Autowired
    ScheduledJobs jobs;
    @Autowired
    JdbcTemplate jdbc;

    /** The start of a period well ahead of the other tests' runs; each run is a minute into its period. */
    private final Instant base = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(3));
    private ChatAccount trader;
    private long user;
    private long account;
    private BigDecimal equity;

    @BeforeEach
    void aTraderWithAPaperAccount() {
        trader = ChatReplies.trader(ACCOUNTS);
        ChatReplies.typed(dispatcher, trader, "/start");
        user = jdbc.queryForObject("select user_id from chat_identity where platform = 'TELEGRAM' and external_id = ?", Long.class,
                trader.externalId());
        account = accounts.paperAccountOf(user).id();
        equity = accounts.paperAccountOf(user).equityUsdt();
    }

    @Test
    void anAlertOnlyWhenTheLevelChangesToHighAndAgainAfterItFell() {
        long position = position("LONG", share("0.90"), 1); // exposure 90 %, one position: HIGH (exposure, concentration)

        run(0);
        run(1);
        assertThat(jdbc.queryForObject("select count(*) from portfolio_risk_run where account_id = ?", Integer.class, account))
                .as("two runs stored").isEqualTo(2);
        assertThat(alerts()).as("two runs at HIGH, one alert").containsExactly("true");

        jdbc.update("update position set size = size / 20 where id = ?", position); // exposure 4.5 %: LOW
        run(2);
        assertThat(levels()).containsExactly("HIGH", "HIGH", "LOW");
        assertThat(alerts()).as("the all-clear").containsExactly("true", "false");

        jdbc.update("update position set size = size * 20 where id = ?", position);
        run(3);
        run(4);
        assertThat(alerts()).as("HIGH again after LOW: a second alert").containsExactly("true", "false", "true");
        Map<String, Object> last = jdbc.queryForMap("""
                select level, breached, exposure, concentration, stale, prices_at, equity_usdt from portfolio_risk_run
                 where account_id = ? order by period_start desc limit 1""", account);
        assertThat(last).containsEntry("level", "HIGH").containsEntry("breached", "EXPOSURE,CONCENTRATION").containsEntry("stale", false);
        assertThat((BigDecimal) last.get("exposure")).isEqualByComparingTo("0.9");
        assertThat((BigDecimal) last.get("equity_usdt")).isEqualByComparingTo(equity);
        assertThat(((Timestamp) last.get("prices_at")).toInstant()).isEqualTo(minute(4).minus(Duration.ofMinutes(1)));
    }

    @Test
    void anAccountHoveringAtALimitIsToldItIsOverOnlyOnceItIsClearOfIt() {
        long position = position("LONG", share("0.21"), 1); // concentration 21 % against 20 %: HIGH

        run(0);
        jdbc.update("update position set size = size * 19 / 21 where id = ?", position); // 19 %: MEDIUM, within 90 % of the limit
        run(1);
        jdbc.update("update position set size = size * 21 / 19 where id = ?", position); // 21 % again
        run(2);
        assertThat(levels()).containsExactly("HIGH", "MEDIUM", "HIGH");
        assertThat(alerts()).as("no all-clear while hovering, so no second alert").containsExactly("true");

        jdbc.update("update position set size = size * 10 / 21 where id = ?", position); // 10 %: clear
        run(3);
        assertThat(alerts()).as("the all-clear once clear of the limit").containsExactly("true", "false");
    }

    @Test
    void twoInstancesInOnePeriodStoreOneRunAndWriteOneAlert() throws Exception {
        position("SHORT", share("0.85"), 1);
        mark(minute(0).minus(Duration.ofMinutes(1)));

        CountDownLatch start = new CountDownLatch(1);
        var one = CompletableFuture.supplyAsync(() -> { await(start); return analyze.execute(minute(0)); });
        var two = CompletableFuture.supplyAsync(() -> { await(start); return analyze.execute(minute(0).plusSeconds(40)); });
        start.countDown();
        one.get();
        two.get();

        assertThat(jdbc.queryForObject("select count(*) from portfolio_risk_run where account_id = ?", Integer.class, account)).isEqualTo(1);
        assertThat(alerts()).containsExactly("true");
    }

    @Test
    void aRunOnStaleMarksIsStoredStaleAndHeldUntilTheMarksAreCurrent() {
        position("LONG", share("0.95"), 1);
        mark(minute(0).minus(Duration.ofMinutes(11))); // older than max-price-age (10m)
        analyze.execute(minute(0));

        assertThat(jdbc.queryForMap("select level, stale from portfolio_risk_run where account_id = ?", account))
                .containsEntry("level", "HIGH").containsEntry("stale", true);
        assertThat(alerts()).as("held: no alarm on old prices").isEmpty();
        assertThat(ChatReplies.text(ChatReplies.typed(dispatcher, trader, "/risk"))).contains("HIGH").contains("data too old");

        run(1);
        assertThat(alerts()).as("the first run on current marks alerts").containsExactly("true");
    }

    @Test
    void anExchangeAccountOnStaleEquityIsHeldAndAlertedOnceItsBalanceIsSyncedAgain() {
        long binance = jdbc.queryForObject("""
                insert into exchange_account (user_id, exchange, kind, key_hint, created_at) values (?, 'binance', 'EXCHANGE', '…ab12', ?)
                returning id""", Long.class, user, Timestamp.from(base));
        snapshot(binance, minute(0).minus(Duration.ofMinutes(31))); // older than max-equity-age (30m): two syncs missed
        account = binance;
        position("SHORT", new BigDecimal("900"), 1); // 90 % of the 1,000 USDT synced
        run(0);

        assertThat(jdbc.queryForMap("select level, stale, equity_usdt from portfolio_risk_run where account_id = ?", binance))
                .containsEntry("level", "HIGH").containsEntry("stale", true);
        assertThat(alerts()).isEmpty();

        snapshot(binance, minute(1).minus(Duration.ofMinutes(1)));
        run(1);
        assertThat(alerts()).containsExactly("true");
        Map<String, Object> row = jdbc.queryForMap("select event_key, payload::text as payload from delivery where kind = 'RISK_ALERT' and event_key like ?",
                "risk:" + binance + ":%");
        Reply.Text alert = (Reply.Text) kind.render(new NotificationKind.Rendering((String) row.get("event_key"), (String) row.get("payload"),
                destinations.privateChatsOf(user).getFirst(), minute(1)));
        assertThat(alert.text()).contains("on your Binance …ab12").contains("equity 1000.00 USDT as of "
                + RiskText.at(minute(1).minus(Duration.ofMinutes(1))));
    }

    @Test
    void riskPortfolioInAGroupIsRefusedAndShowsNothingOfTheWriter() {
        var group = new io.signaldesk.chat.Conversation(trader.platform(), "-100" + trader.externalId(), true, true);

        List<Reply> replies = dispatcher.dispatch(new io.signaldesk.chat.Incoming.Typed(trader, group, "/risk portfolio loss 5"));

        assertThat(ChatReplies.text(replies)).contains("use it in a private chat with the bot");
        assertThat(jdbc.queryForObject("select count(*) from portfolio_risk_threshold where user_id = ?", Integer.class, user)).isZero();
    }

    @Test
    void theAlertSaysWhichRuleAndWhatToDoWithAButtonOnlyItsOwnerMayPressThatRunsPositions() {
        long position = position("LONG", share("0.15"), 1);
        jdbc.update("update position set entry = mark_price * 2 where id = ?", position); // loses 15 % of equity; exposure 15 %
        run(0);
        Map<String, Object> row = jdbc.queryForMap("select event_key, payload::text as payload from delivery where kind = 'RISK_ALERT' and event_key like ?",
                "risk:" + account + ":%");
        ChatDestination chat = destinations.privateChatsOf(user).getFirst();

        Reply.Text alert = (Reply.Text) kind.render(new NotificationKind.Rendering((String) row.get("event_key"), (String) row.get("payload"),
                chat, minute(0)));

        assertThat(alert.text()).contains("HIGH portfolio risk on your paper account")
                .contains("prices as of " + RiskText.at(minute(0).minus(Duration.ofMinutes(1))))
                .contains("equity " + RiskText.usdt(equity) + " USDT")
                .contains("unrealized loss: 15.0 % of equity, above the limit of 10 %")
                .contains("exposure (all open positions): 15.0 % of equity (limit 80 %)")
                .contains("concentration (largest position): 15.0 % of equity (limit 20 %)")
                .contains("cut or close the losing positions").doesNotContain("trim the largest").contains("/positions");
        List<Button> buttons = alert.buttons().stream().flatMap(List::stream).toList();
        assertThat(buttons).extracting(Button::label).as("/rebalance is available: a button runs it").containsExactly("Open positions", "Rebalance");

        ChatAccount stranger = ChatReplies.trader(ACCOUNTS);
        ChatReplies.typed(dispatcher, stranger, "/start");
        List<Reply> foreign = ChatReplies.pressed(dispatcher, stranger, buttons.getFirst().id());
        assertThat(foreign.getFirst()).isInstanceOf(Reply.Notice.class);
        assertThat(ChatReplies.text(ChatReplies.pressed(dispatcher, trader, buttons.getFirst().id()))).contains("R1/USDT");
    }

    @Test
    void theAllClearIsOneLineWithoutButtons() {
        say("/risk portfolio concentration 1000"); // one position: only exposure decides
        long position = position("LONG", share("0.90"), 1);
        run(0);
        jdbc.update("update position set size = size * 0.7 where id = ?", position); // 63 %: MEDIUM
        run(1);
        Map<String, Object> row = jdbc.queryForMap("""
                select event_key, payload::text as payload from delivery where kind = 'RISK_ALERT' and event_key like ? and payload->>'high' = 'false'""",
                "risk:" + account + ":%");

        Reply.Text clear = (Reply.Text) kind.render(new NotificationKind.Rendering((String) row.get("event_key"), (String) row.get("payload"),
                destinations.privateChatsOf(user).getFirst(), minute(1)));

        assertThat(clear.text()).contains("is back to MEDIUM").contains("exposure 63.0 %").doesNotContain("\n");
        assertThat(clear.buttons()).isEmpty();
    }

    @Test
    void riskPortfolioRefusesBadInputChangingNothingAndSetsALimitTheNextRunUses() {
        assertThat(say("/risk portfolio speed 5")).contains("'speed' is not a portfolio rule").contains("/risk portfolio loss 5");
        assertThat(say("/risk portfolio exposure 0")).contains("'0' is not a valid exposure limit").contains("from 1 to 1000")
                .contains("Example: /risk portfolio exposure 120");
        assertThat(say("/risk portfolio loss 101")).contains("'101' is not a valid loss limit").contains("from 1 to 100");
        assertThat(say("/risk portfolio loss ten")).contains("'ten' is not a valid loss limit");
        assertThat(say("/risk portfolio loss 5.555")).contains("not a valid loss limit");
        assertThat(say("/risk portfolio exposure")).contains("Set a portfolio limit with /risk portfolio <rule> <value>");
        assertThat(jdbc.queryForObject("select count(*) from portfolio_risk_threshold where user_id = ?", Integer.class, user)).isZero();

        assertThat(say("/risk portfolio loss 5%")).contains("Changed the loss limit from 10 % to 5 %");
        assertThat(say("/risk")).contains("Portfolio risk").contains("unrealized loss 5 %").contains("exposure 80 %");

        long position = position("LONG", share("0.10"), 1);
        jdbc.update("update position set entry = mark_price * 1.6 where id = ?", position); // loses 6 %: above 5, under 10
        run(0);
        assertThat(jdbc.queryForMap("select level, breached, loss_limit from portfolio_risk_run where account_id = ?", account))
                .containsEntry("level", "HIGH").containsEntry("breached", "LOSS");
        assertThat(say("/risk")).contains("paper account: HIGH, 1 open position(s)").contains("unrealized loss 6.0 % (limit 5 %)");
    }

    @Test
    void theJobRunsUnderItsShedLockNameAndRecordsTheRunsStored() {
        position("LONG", share("0.10"), 1);
        jdbc.update("update position set marked_at = now() where account_id = ?", account);
        Instant before = Instant.now().minusSeconds(1);

        new AnalyzeRiskJob(jobs, analyze).run();

        assertThat(AnalyzeRiskJob.JOB.name()).isEqualTo("risk.analyze");
        Map<String, Object> job = jdbc.queryForMap("""
                select outcome, items_processed from job_run where job_name = 'risk.analyze' and started_at >= ? order by id limit 1""",
                Timestamp.from(before));
        assertThat(job).containsEntry("outcome", "SUCCEEDED");
        assertThat((Integer) job.get("items_processed")).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("select level from portfolio_risk_run where account_id = ?", String.class, account)).isEqualTo("LOW");
    }

    private String say(String text) {
        return ChatReplies.text(ChatReplies.typed(dispatcher, trader, text));
    }

    private void run(int period) {
        mark(minute(period).minus(Duration.ofMinutes(1)));
        analyze.execute(minute(period));
    }

    /** One minute into the {@code n}th period after {@code base}. */
    private Instant minute(int n) {
        return base.plus(AnalyzeRisk.PERIOD.multipliedBy(n)).plus(Duration.ofMinutes(1));
    }

    private void mark(Instant at) {
        jdbc.update("update position set marked_at = ? where account_id = ?", Timestamp.from(at), account);
    }

    /** A position of one unit whose entry and mark are {@code notional}: its notional and no profit or loss. */
    private long position(String side, BigDecimal notional, int number) {
        return jdbc.queryForObject("""
                insert into position (user_id, account_id, number, exchange, pair, side, entry, size, source, opened_at, mark_price, marked_at)
                values (?, ?, ?, 'sim', ?, ?, ?, 1, 'MANUAL', ?, ?, ?) returning id""", Long.class,
                user, account, number, "R" + number + "/USDT", side, notional, Timestamp.from(base), notional, Timestamp.from(base));
    }

    private void snapshot(long exchangeAccount, Instant syncedAt) {
        jdbc.update("insert into balance_snapshot (account_id, synced_at, stale, equity_usdt, holdings) values (?, ?, false, 1000, '[]'::jsonb)",
                exchangeAccount, Timestamp.from(syncedAt));
    }

    private BigDecimal share(String share) {
        return equity.multiply(new BigDecimal(share));
    }

    private List<String> levels() {
        return jdbc.queryForList("select level from portfolio_risk_run where account_id = ? order by period_start", String.class, account);
    }

    /** The risk alerts written for the account, in order: "true" for HIGH, "false" for an all-clear. */
    private List<String> alerts() {
        return jdbc.queryForList("select payload->>'high' from delivery where kind = 'RISK_ALERT' and event_key like ? order by id",
                String.class, "risk:" + account + ":%");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
