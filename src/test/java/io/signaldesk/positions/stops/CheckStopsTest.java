package io.signaldesk.positions.stops;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.accounts.Accounts;
import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.ChatButtons;
import io.signaldesk.chat.ChatDestination;
import io.signaldesk.chat.ChatReplies;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import io.signaldesk.market.Candle;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketType;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.market.store.CandleStore;
import io.signaldesk.notifications.NotificationKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code positions.check-stops} on stored 1m candles of the simulated exchange (pairs it does not list, so no last price
 * stands in), against PostgreSQL: one alert row and one delivery per position and level whatever runs or instances, a
 * paper position closing itself at the level, the alert's buttons through the dispatcher, and {@code /notify stops off}.
 */
@IntegrationTest
class CheckStopsTest {

    private static final AtomicLong ACCOUNTS = new AtomicLong(760_000_000L + System.nanoTime() % 100_000_000L);
    private static final AtomicLong PAIRS = new AtomicLong(System.nanoTime() % 1_000_000L);

    @Autowired
    CheckStops check;
    @Autowired
    CandleStore candles;
    @Autowired
    CommandDispatcher dispatcher;
    @Autowired
    ChatButtons buttons;
    @Autowired
    PositionAlertMessage alertMessage;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    io.signaldesk.market.MarketData market;
    @Autowired
    io.signaldesk.ops.ScheduledJobs jobs;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    private final Instant opened = now.minus(Duration.ofMinutes(30));
    private ChatAccount trader;
    private long user;
    private String pair;

    @BeforeEach
    void aTraderWithAPrivateChat() {
        trader = ChatReplies.trader(ACCOUNTS);
        assertThat(ChatReplies.text(ChatReplies.typed(dispatcher, trader, "/stops"))).contains("No stop or target");
        user = jdbc.queryForObject("select user_id from chat_identity where platform = 'TELEGRAM' and external_id = ?", Long.class,
                trader.externalId());
        pair = "S" + PAIRS.incrementAndGet() + "/USDT";
    }

    @Test
    void aCrossedStopIsAlertedOnceAcrossTwoInstancesAndARestart() throws Exception {
        long position = position("EXCHANGE", "LONG", "100", "95", "110", null);
        minutes(opened.minus(Duration.ofMinutes(2)), "94", "101"); // before the opening: crosses nothing
        minutes(opened.plus(Duration.ofMinutes(3)), "99", "101");
        minutes(opened.plus(Duration.ofMinutes(4)), "94.5", "100");

        CountDownLatch start = new CountDownLatch(1);
        var one = CompletableFuture.supplyAsync(() -> { await(start); return check.execute(); });
        var two = CompletableFuture.supplyAsync(() -> { await(start); return check.execute(); });
        start.countDown();
        one.get();
        two.get();
        jdbc.update("delete from position_stop_check where position_id = ?", position); // a restart that forgot its progress
        check.execute();

        assertThat(alerts(position)).containsExactly("STOP");
        assertThat(jdbc.queryForObject("select crossed_at from position_alert where position_id = ?", java.sql.Timestamp.class, position)
                .toInstant()).isEqualTo(opened.plus(Duration.ofMinutes(5)));
        List<Map<String, Object>> deliveries = deliveries(position);
        assertThat(deliveries).hasSize(1);
        assertThat((String) deliveries.getFirst().get("text")).contains("#1 " + pair + " LONG").contains("stop 95")
                .contains("-5.00 USDT").contains("-1.00R").contains("Closed it");
        assertThat(deliveries.getFirst()).containsEntry("kind", "POSITION_ALERT");
        assertThat(status(position)).as("an exchange position is only alerted").isEqualTo("OPEN");
    }

    @Test
    void aTargetOfAShortIsAlertedWhenPriceFallsToIt() {
        long position = position("EXCHANGE", "SHORT", "100", "105", "90", "80");
        minutes(opened.plus(Duration.ofMinutes(1)), "95", "104.9");
        minutes(opened.plus(Duration.ofMinutes(2)), "89.5", "96");

        assertThat(check.execute()).isGreaterThanOrEqualTo(1);

        assertThat(alerts(position)).containsExactly("TP1");
        assertThat((String) deliveries(position).getFirst().get("text")).contains("SHORT").contains("target 1 90")
                .contains("+10.00 USDT").contains("+2.00R");
    }

    @Test
    void aPaperPositionClosesItselfAtTheLevelAndTheAlertSaysSo() {
        long position = position("MANUAL", "LONG", "100", "95", "110", null);
        minutes(opened.plus(Duration.ofMinutes(1)), "99", "111");
        minutes(opened.plus(Duration.ofMinutes(2)), "90", "100");

        check.execute();

        assertThat(alerts(position)).containsExactly("TP1");
        Map<String, Object> closed = jdbc.queryForMap("select status, exit_price, realized_pnl, close_reason from position where id = ?", position);
        assertThat(closed).containsEntry("status", "CLOSED").containsEntry("close_reason", "TARGET");
        assertThat((BigDecimal) closed.get("exit_price")).isEqualByComparingTo("110");
        assertThat((BigDecimal) closed.get("realized_pnl")).isEqualByComparingTo("10");
        assertThat((String) deliveries(position).getFirst().get("text")).contains("closed itself").doesNotContain("Closed it");
        assertThat(deliveries(position).getFirst().get("closed_it")).isNull();
    }

    @Test
    void closedItPressedTwiceClosesOnceAndStillOpenChangesNothing() {
        long position = position("EXCHANGE", "LONG", "100", "95", "110", null);
        minutes(opened.plus(Duration.ofMinutes(1)), "94", "100");
        check.execute();
        Map<String, Object> delivery = deliveries(position).getFirst();

        String stillOpen = buttons.make(OptionalLong.of(user), "stops", "Still open", (String) delivery.get("still_open"), Duration.ofHours(1)).id();
        assertThat(ChatReplies.text(ChatReplies.pressed(dispatcher, trader, stillOpen))).contains("stays open");
        assertThat(status(position)).isEqualTo("OPEN");
        assertThat(ChatReplies.text(ChatReplies.typed(dispatcher, trader, "/stops"))).contains("#1 " + pair + " LONG: stop 95");

        String closedIt = buttons.make(OptionalLong.of(user), "stops", "Closed it", (String) delivery.get("closed_it"), Duration.ofHours(1)).id();
        List<Reply> first = ChatReplies.pressed(dispatcher, trader, closedIt);
        List<Reply> second = ChatReplies.pressed(dispatcher, trader, closedIt);

        assertThat(ChatReplies.text(first)).contains("closed at its stop 95").contains("-5.00 USDT");
        assertThat(ChatReplies.text(second)).contains("already closed");
        assertThat(second.getFirst()).isInstanceOf(Reply.Notice.class);
        Map<String, Object> closed = jdbc.queryForMap("select status, exit_price, close_reason, version from position where id = ?", position);
        assertThat(closed).containsEntry("status", "CLOSED").containsEntry("close_reason", "STOP");
        assertThat((BigDecimal) closed.get("exit_price")).isEqualByComparingTo("95");
        assertThat(((Number) closed.get("version")).longValue()).as("closed once").isEqualTo(1L);
    }

    /**
     * The whole way of issue 16: "I took it" under a signal opens a paper position, "Already on the exchange" makes it the
     * stand-in of the user's real trade, the stop is crossed, the alert asks, "Closed it" closes it at the stop.
     */
    @Test
    void iTookItThenTheStopThenClosedItClosesTheTakenPositionAtItsStop() {
        ChatReplies.typed(dispatcher, trader, "/subscribe sim BTC/USDT 1h");
        long signal = jdbc.queryForObject("""
                insert into signal (subscription_id, bot_template_id, exchange, market_type, symbol, timeframe, candle_open_time, action,
                                    confidence, entry, stop_loss, take_profits, risk_reward, reasoning, analyst, analyst_version, issued_at, status)
                select s.id, s.bot_template_id, 'sim', 'PERPETUAL', ?, '1h', now() - interval '70 minutes', 'BUY', 0.7,
                       100, 95, '{110}'::numeric[], 2, 'test', 'technical', '1', now() - interval '10 minutes', 'OPEN'
                  from subscription s join chat_destination d on d.id = s.destination_id where d.chat_id = ? returning id""",
                Long.class, pair, trader.externalId());
        String took = buttons.make(OptionalLong.empty(), "signals", "I took it", "took|" + signal, Duration.ofHours(1)).id();

        List<Reply> taken = ChatReplies.pressed(dispatcher, trader, took);
        Reply.Text sizes = (Reply.Text) taken.stream().filter(Reply.Text.class::isInstance).findFirst().orElseThrow();
        ChatReplies.pressed(dispatcher, trader, sizes.buttons().getLast().getFirst().id());
        long position = jdbc.queryForObject("select id from position where user_id = ? and signal_id = ?", Long.class, user, signal);
        jdbc.update("update position set opened_at = ? where id = ?", java.sql.Timestamp.from(opened), position);
        minutes(opened.plus(Duration.ofMinutes(1)), "94", "100");
        check.execute();
        Map<String, Object> alert = deliveries(position).getFirst();
        String closedIt = buttons.make(OptionalLong.of(user), "stops", "Closed it", (String) alert.get("closed_it"), Duration.ofHours(1)).id();
        List<Reply> closed = ChatReplies.pressed(dispatcher, trader, closedIt);

        assertThat(jdbc.queryForObject("select external_id from position where id = ?", String.class, position)).startsWith("await:");
        assertThat((String) alert.get("text")).contains(pair + " LONG").contains("stop 95").contains("Closed it");
        assertThat(ChatReplies.text(closed)).contains("closed at its stop 95");
        Map<String, Object> row = jdbc.queryForMap("select status, exit_price, close_reason, source from position where id = ?", position);
        assertThat(row).containsEntry("status", "CLOSED").containsEntry("close_reason", "STOP").containsEntry("source", "SIGNAL");
        assertThat((BigDecimal) row.get("exit_price")).isEqualByComparingTo("95");
    }

    @Test
    void aSignalsPositionLinkedToTheExchangeIsNeverClosedOnPaperAndAsksInstead() {
        long position = position("SIGNAL", "LONG", "100", "95", "110", null);
        jdbc.update("update position set external_id = ? where id = ?", pair + ":LONG", position);
        minutes(opened.plus(Duration.ofMinutes(1)), "94", "100");

        check.execute();

        assertThat(status(position)).isEqualTo("OPEN");
        assertThat((String) deliveries(position).getFirst().get("text")).contains("Closed it");
        assertThat(deliveries(position).getFirst().get("closed_it")).isNotNull();
    }

    @Test
    void notifyStopsOffRecordsTheAlertButDeliversNothing() {
        assertThat(ChatReplies.text(ChatReplies.typed(dispatcher, trader, "/notify stops off"))).contains("stops are now off");
        long position = position("EXCHANGE", "LONG", "100", "95", "110", null);
        minutes(opened.plus(Duration.ofMinutes(1)), "94", "100");

        check.execute();

        assertThat(alerts(position)).containsExactly("STOP");
        assertThat(deliveries(position)).isEmpty();
    }

    @Test
    void theJobRunsUnderItsShedLockNameAndRecordsTheLevelsAlerted() {
        position("EXCHANGE", "LONG", "100", "95", "110", null);
        minutes(opened.plus(Duration.ofMinutes(1)), "94", "100");
        Instant before = Instant.now().minusSeconds(1);

        new CheckStopsJob(jobs, check).run();

        assertThat(CheckStopsJob.JOB.name()).isEqualTo("positions.check-stops");
        assertThat(jdbc.queryForObject("select count(*) from shedlock where name = 'positions.check-stops'", Integer.class)).isEqualTo(1);
        Map<String, Object> run = jdbc.queryForMap("""
                select outcome, items_processed from job_run where job_name = 'positions.check-stops' and started_at >= ?
                 order by id limit 1""", java.sql.Timestamp.from(before));
        assertThat(run).containsEntry("outcome", "SUCCEEDED");
        assertThat((Integer) run.get("items_processed")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void withoutStoredCandlesTheLastPriceDecidesAndTheCheckDoesNotMoveOn() {
        pair = "ETH/USDT"; // listed by the simulated exchange; no candle of it is stored after the opening
        BigDecimal price = market.lastPrice(ExchangeId.SIM, Symbol.parse(pair)).orElseThrow();
        long position = jdbc.queryForObject("""
                insert into position (user_id, account_id, number, exchange, pair, side, entry, size, stop_loss, source, opened_at)
                values (?, ?, 1, 'sim', ?, 'SHORT', ?, 1, ?, 'EXCHANGE', ?) returning id""", Long.class,
                user, accounts.paperAccountOf(user).id(), pair, price.multiply(new BigDecimal("0.5")), price.multiply(new BigDecimal("0.9")),
                java.sql.Timestamp.from(Instant.now()));

        check.execute();

        assertThat(alerts(position)).containsExactly("STOP");
        assertThat(jdbc.queryForObject("select count(*) from position_stop_check where position_id = ?", Integer.class, position)).isZero();
        assertThat(deliveries(position)).hasSize(1);
    }

    private long position(String source, String side, String entry, String stop, String target1, String target2) {
        return jdbc.queryForObject("""
                insert into position (user_id, account_id, number, exchange, pair, side, entry, size, stop_loss, take_profit_1,
                                      take_profit_2, source, opened_at)
                values (?, ?, 1, 'sim', ?, ?, ?, 1, ?, ?, ?, ?, ?) returning id""", Long.class,
                user, accounts.paperAccountOf(user).id(), pair, side, new BigDecimal(entry), new BigDecimal(stop), new BigDecimal(target1),
                target2 == null ? null : new BigDecimal(target2), source, java.sql.Timestamp.from(opened));
    }

    /** A closed 1m candle opening at {@code at}. */
    private void minutes(Instant at, String low, String high) {
        BigDecimal mid = new BigDecimal(low).add(new BigDecimal(high)).divide(BigDecimal.TWO);
        candles.upsert(new SeriesKey(ExchangeId.SIM, MarketType.PERPETUAL, Symbol.parse(pair), Timeframe.M1),
                List.of(new Candle(at, mid, new BigDecimal(high), new BigDecimal(low), mid, BigDecimal.ONE)), now);
    }

    private List<String> alerts(long position) {
        return jdbc.queryForList("select level from position_alert where position_id = ? order by level", String.class, position);
    }

    /** The position's alerts in the outbox, rendered as they would be sent: kind, text, and the payloads of "Closed it" and "Still open". */
    private List<Map<String, Object>> deliveries(long position) {
        return jdbc.query("""
                select d.event_key, d.kind, d.payload::text as payload, c.id, c.platform, c.chat_id, c.is_group, c.active
                  from delivery d join chat_destination c on c.id = d.destination_id where d.event_key like ?""", (row, i) -> {
            var chat = new ChatDestination(row.getLong("id"), Platform.valueOf(row.getString("platform")),
                    row.getString("chat_id"), row.getBoolean("is_group"), row.getBoolean("active"));
            Reply.Text alert = (Reply.Text) alertMessage.render(new NotificationKind.Rendering(
                    row.getString("event_key"), row.getString("payload"), chat, Instant.now()));
            Map<String, Object> delivery = new HashMap<>();
            delivery.put("kind", row.getString("kind"));
            delivery.put("text", alert.text());
            delivery.put("closed_it", alert.buttons().isEmpty() ? null : buttonPayload(alert.buttons().getFirst().get(0).id()));
            delivery.put("still_open", alert.buttons().isEmpty() ? null : buttonPayload(alert.buttons().getFirst().get(1).id()));
            return delivery;
        }, "position-alert:" + position + ":%");
    }

    private String buttonPayload(String id) {
        return jdbc.queryForObject("select payload from chat_button where id = ?", String.class, id);
    }

    private String status(long position) {
        return jdbc.queryForObject("select status from position where id = ?", String.class, position);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
