package io.signaldesk.reports.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.signaldesk.IntegrationTest;
import io.signaldesk.MutableClock;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.ops.ScheduledJobs;
import io.signaldesk.reports.metrics.DataQualityNote.DataGap;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * reports.calculate-metrics on a seeded data set with fixed times (far-future days, so other tests' data stays out of
 * them), read back through {@link ReportMetrics}. Risk per trade 1 %: each trade multiplies equity by 1 + 0.01 × R.
 */
@IntegrationTest
class DailyMetricsTest {

    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final String PAIR = "BTC/USDT";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    SignalDays signalDays;
    @Autowired
    UserDays userDays;
    @Autowired
    MetricsStore store;
    @Autowired
    ReportMetrics metrics;
    @Autowired
    MarketInputs inputs;
    @Autowired
    ScheduledJobs jobs;

    private String bot;
    private long user;
    private long chat;
    private long subscription;
    private LocalDate day;
    private SeriesKey series;

    @BeforeEach
    void seedChat() {
        int run = RUNS.incrementAndGet();
        long salt = ProcessHandle.current().pid() % 500;
        day = LocalDate.of(2401, 1, 1).plusDays(salt * 60 + run * 12L);
        bot = "rep-" + salt + "-" + run + "-" + (System.nanoTime() % 100_000);
        jdbc.update("insert into bot_template (code, name, bot_type, default_timeframes, analyst) values (?, ?, 'SIGNALS_FUTURES', '{1h}', 'technical')",
                bot, "Report " + bot);
        user = jdbc.queryForObject("insert into app_user default values returning id", Long.class);
        chat = jdbc.queryForObject("insert into chat_destination (platform, chat_id, is_group) values ('TELEGRAM', ?, false) returning id",
                Long.class, "report-" + System.nanoTime());
        subscription = jdbc.queryForObject("""
                insert into subscription (user_id, destination_id, bot_template_id, exchange, primary_pair, timeframes, status)
                select ?, ?, id, 'sim', ?, '{1h}', 'ACTIVE' from bot_template where code = ? returning id""",
                Long.class, user, chat, PAIR, bot);
        series = inputs.series(ExchangeId.parse("sim").orElseThrow(), Symbol.parse(PAIR), Timeframe.H1);
    }

    @AfterEach
    void retire() {
        jdbc.update("update subscription set status = 'CANCELLED' where id = ?", subscription);
        jdbc.update("update bot_template set active = false where code = ?", bot);
    }

    /*
     * Golden day D (UTC), computed at D 23:00:
     *   #1 issued 01:00, TAKE_PROFIT at 03:00, R +2      #2 issued 02:00, STOP_LOSS at 05:00, R −1
     *   #3 issued 04:00, EXPIRED at 10:00, R +0.5        #4 issued 06:00, NOT_FILLED at 12:00 (no R)
     *   #5 issued D−1 20:00, STOP_LOSS at D 08:00, R −1  (closed today, issued yesterday: today's loss)
     *   #6 issued 20:00, still OPEN                      #7 issued 21:00, STOP_LOSS at D+1 02:00 (open within D)
     * issued = #1 #2 #3 #4 #6 #7 = 6; closed = #1..#5 = 5; wins 1, losses 2 (#2 #5), expired 1, not filled 1;
     * trades = 4 (#1 #2 #3 #5), sum R = 2 − 1 + 0.5 − 1 = 0.5; win rate = 1 / (1 + 2) = 0.3333; average R = expectancy
     * = 0.5 / 4 = 0.125; R > 0 in 2 of 4 (0.5).
     * Equity by close: 03:00 1.02; 05:00 1.02 × 0.99 = 1.0098; 08:00 × 0.99 = 0.999702; 10:00 × 1.005 = 1.00470051.
     * Drawdown: peak 1.02 to 0.999702 = 1 − 0.99² = 0.0199.
     * Day D+1: #7 STOP_LOSS at 02:00 R −1; #8 issued 05:00 STOP_LOSS at 07:00 R −1 → issued 1, closed 2, losses 2,
     * sum R −2; equity 1.00470051 × 0.99 × 0.99 = 0.984706970; the week's drawdown spans the midnight: from the peak 1.02
     * of D to 0.98470697 on D+1 = 1 − 0.98470697 / 1.02 = 0.0346010.
     * The week (D, D+1): issued 7, closed 7, wins 1, losses 4, expired 1, not filled 1, trades 6, sum R −1.5,
     * win rate 1/5 = 0.2, average R −0.25, equity change −0.01529303.
     */
    @Test
    void aDayAndAWeekOfSignalsGiveTheGoldenCountsRatiosAndDrawdownAndAWeekIsTheSumOfItsDays() {
        Instant d = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        long one = signal(d.plus(h(1)), "TAKE_PROFIT", d.plus(h(3)), "2");
        long two = signal(d.plus(h(2)), "STOP_LOSS", d.plus(h(5)), "-1");
        signal(d.plus(h(4)), "EXPIRED", d.plus(h(10)), "0.5");
        signal(d.plus(h(6)), "NOT_FILLED", d.plus(h(12)), null);
        signal(d.minus(h(4)), "STOP_LOSS", d.plus(h(8)), "-1");
        signal(d.plus(h(20)), "OPEN", null, null);
        signal(d.plus(h(21)), "STOP_LOSS", d.plus(h(26)), "-1");
        signal(d.plus(h(29)), "STOP_LOSS", d.plus(h(31)), "-1");
        candles(d, 24);

        MutableClock clock = new MutableClock(d.plus(h(23)));
        calculation(clock, ZoneOffset.UTC).execute();

        ChatMetrics first = metrics.forChat(chat, day, day);
        SignalCounts c = first.total();
        assertThat(List.of(c.issued(), c.closed(), c.wins(), c.losses(), c.expired(), c.notFilled(), c.trades(), c.profitable()))
                .containsExactly(6, 5, 1, 2, 1, 1, 4, 2);
        assertThat(c.sumR()).isCloseTo(0.5, within(1e-12));
        assertThat(c.winRate()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(c.averageR()).isCloseTo(0.125, within(1e-12));
        assertThat(c.expectancy()).isCloseTo(0.125, within(1e-12));
        assertThat(c.profitableShare()).isCloseTo(0.5, within(1e-12));
        assertThat(first.maxDrawdown()).isCloseTo(0.0199, within(1e-12));
        assertThat(first.equityChange()).isCloseTo(0.00470051, within(1e-9));
        assertThat(first.best().signalId()).isEqualTo(one);
        assertThat(first.worst().signalId()).as("of two −1 R, the earlier close").isEqualTo(two);
        assertThat(first.rows()).singleElement().satisfies(row -> {
            assertThat(row.botName()).isEqualTo("Report " + bot);
            assertThat(row.pair()).isEqualTo(PAIR);
            assertThat(row.maxDrawdown()).isCloseTo(0.0199, within(1e-12));
        });
        assertThat(first.dataQuality()).as("22 of 22 hourly candles closed by 22:50").isEmpty();

        clock.set(d.plus(h(47)));
        calculation(clock, ZoneOffset.UTC).execute();

        ChatMetrics week = metrics.forChat(chat, day, day.plusDays(1));
        SignalCounts w = week.total();
        assertThat(List.of(w.issued(), w.closed(), w.wins(), w.losses(), w.expired(), w.notFilled(), w.trades()))
                .containsExactly(7, 7, 1, 4, 1, 1, 6);
        assertThat(w.sumR()).isCloseTo(-1.5, within(1e-12));
        assertThat(w.winRate()).isCloseTo(0.2, within(1e-12));
        assertThat(w.averageR()).isCloseTo(-0.25, within(1e-12));
        assertThat(week.maxDrawdown()).isCloseTo(1 - 0.98470697 / 1.02, within(1e-8));
        assertThat(week.equityChange()).isCloseTo(-0.01529303, within(1e-8));
        assertThat(week.equity()).hasSize(2);
        assertThat(week.equity().get(0).equity()).isCloseTo(1.00470051, within(1e-8));
        assertThat(week.equity().get(1).equity()).isCloseTo(0.98470697, within(1e-8));
        assertThat(week.equity().get(1).drawdown()).isCloseTo(1 - 0.98470697 / 1.02, within(1e-8));
        SignalCounts second = metrics.forChat(chat, day.plusDays(1), day.plusDays(1)).total();
        assertThat(metrics.forChat(chat, day, day).total().plus(second)).isEqualTo(w);
        assertThat(week.daysComputed()).isEqualTo(2);

        assertThat(week.dataQuality()).as("D+1 had no candle: flagged, not shown as a quiet day").singleElement()
                .satisfies(note -> {
                    assertThat(note.day()).isEqualTo(day.plusDays(1));
                    assertThat(note.gap()).isEqualTo(DataGap.NO_CANDLES);
                    assertThat(note.timeframe()).isEqualTo("1h");
                });
        assertThat(jdbc.queryForMap("select data_gap, data_candles, data_expected from report_signal_day where day = ? and subscription_id = ?",
                Date.valueOf(day.plusDays(1)), subscription))
                .containsEntry("data_gap", "NO_CANDLES").containsEntry("data_candles", 0).containsEntry("data_expected", 22);
    }

    @Test
    void aRerunAndTwoInstancesAtOnceStoreEveryDayOnceWithTheSameFigures() throws Exception {
        Instant d = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        signal(d.plus(h(1)), "TAKE_PROFIT", d.plus(h(3)), "2");
        signal(d.plus(h(2)), "STOP_LOSS", d.plus(h(5)), "-1");
        MutableClock clock = new MutableClock(d.plus(h(23)));
        calculation(clock, ZoneOffset.UTC).execute();
        List<Map<String, Object>> once = rows();

        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> calculation(clock, ZoneOffset.UTC).execute());
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> calculation(clock, ZoneOffset.UTC).execute());
        assertThat(a.get()).isEqualTo(b.get());
        calculation(clock, ZoneOffset.UTC).execute();

        assertThat(rows()).as("D and the 7 catch-up days before it, each once, unchanged").isEqualTo(once).hasSize(8);
        assertThat(metrics.forChat(chat, day, day).total().trades()).isEqualTo(2);
    }

    @Test
    void twoInstancesStartingTheJobTogetherRunItOnce() throws Exception {
        var calculation = calculation(new MutableClock(day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(h(23))), ZoneOffset.UTC);
        var job = new io.signaldesk.ops.JobDefinition("reports.calculate-metrics-test-" + day, Duration.ofMinutes(5), Duration.ofMinutes(1));
        CompletableFuture<Boolean> a = CompletableFuture.supplyAsync(() -> jobs.run(job, calculation::execute));
        CompletableFuture<Boolean> b = CompletableFuture.supplyAsync(() -> jobs.run(job, calculation::execute));
        assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(true, false);
        assertThat(jdbc.queryForObject("select count(*) from job_run where job_name = ?", Integer.class, job.name())).isEqualTo(1);
    }

    /*
     * Jobs zone Asia/Ho_Chi_Minh (UTC+7): day D runs from D−1 17:00Z to D 17:00Z. A stop at D 16:30Z (23:30 local) is D's;
     * one at D 17:30Z (00:30 local on D+1) is D+1's, though both are D in UTC.
     */
    @Test
    void aDayIsTheJobsZonesCalendarDayNotUtcs() {
        ZoneId saigon = ZoneId.of("Asia/Ho_Chi_Minh");
        Instant dz = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        signal(dz.plus(h(10)), "STOP_LOSS", dz.plus(Duration.ofMinutes(16 * 60 + 30)), "-1");
        signal(dz.plus(h(11)), "TAKE_PROFIT", dz.plus(Duration.ofMinutes(17 * 60 + 30)), "2");
        MutableClock clock = new MutableClock(day.plusDays(1).atTime(23, 0).atZone(saigon).toInstant());
        calculation(clock, saigon).execute();

        SignalCounts dayD = metrics.forChat(chat, day, day).total();
        SignalCounts dayAfter = metrics.forChat(chat, day.plusDays(1), day.plusDays(1)).total();
        assertThat(List.of(dayD.closed(), dayD.losses(), dayD.wins())).containsExactly(1, 1, 0);
        assertThat(List.of(dayAfter.closed(), dayAfter.losses(), dayAfter.wins())).containsExactly(1, 0, 1);
        assertThat(jdbc.queryForObject("select day_start from report_day where day = ?", Timestamp.class, Date.valueOf(day)).toInstant())
                .isEqualTo(dz.minus(h(7)));
    }

    /*
     * A user with an exchange account and three positions, D computed at 23:00 UTC:
     *   balances 1,000 at 10:00 and 1,100 at 22:00 (and 1,200 at D+1 01:00, after the day) → equity 1,100;
     *   P1 closed 12:00, realized +50 → realized 50; P2 closed D+1 03:00 (+30): open at 23:00, never marked → unmarked;
     *   P3 LONG 2 @ 100, marked 110 at 22:30 → unrealized +20.
     * D+1 computed at D+1 23:00: realized 30, equity 1,200, P3 still open at its 22:30 mark → unrealized +20.
     */
    @Test
    void aUsersDayHasRealizedPnlOfItsClosesUnrealizedAtItsEndAndEquityFromTheBalanceHistory() {
        Instant d = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        long account = jdbc.queryForObject("""
                insert into exchange_account (user_id, exchange, kind, key_hint, created_at) values (?, 'binance', 'EXCHANGE', '…ab12', ?)
                returning id""", Long.class, user, Timestamp.from(d.minus(h(48))));
        balance(account, d.plus(h(10)), "1000");
        balance(account, d.plus(h(22)), "1100");
        balance(account, d.plus(h(25)), "1200");
        position(account, 1, d.plus(h(1)), d.plus(h(12)), "50", null, null);
        position(account, 2, d.plus(h(1)), d.plus(h(27)), "30", null, null);
        position(account, 3, d.plus(h(9)), null, null, "110", d.plus(Duration.ofMinutes(22 * 60 + 30)));

        MutableClock clock = new MutableClock(d.plus(h(23)));
        calculation(clock, ZoneOffset.UTC).execute();
        clock.set(d.plus(h(47)));
        calculation(clock, ZoneOffset.UTC).execute();

        UserMetrics first = metrics.forUser(user, day, day);
        assertThat(first.realizedPnl()).isEqualByComparingTo("50");
        assertThat(first.unrealizedPnl()).isEqualByComparingTo("20");
        assertThat(first.equityEnd()).isEqualByComparingTo("1100");
        assertThat(jdbc.queryForObject("select unmarked_positions from report_user_day where day = ? and user_id = ?", Integer.class,
                Date.valueOf(day), user)).isEqualTo(1);

        UserMetrics both = metrics.forUser(user, day, day.plusDays(1));
        assertThat(both.realizedPnl()).isEqualByComparingTo("80");
        assertThat(both.days()).extracting(UserDay::equity).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("1100"), new BigDecimal("1200"));
        assertThat(both.equityChange()).isEqualByComparingTo("100");
    }

    /*
     * Review fix 1: P3 LONG 2 @ 100 marked 110 at D 22:30; D computed at 23:00 → unrealized +20. After midnight the position
     * is marked again (120 at D+1 01:00: its only mark is now after D's end); the catch-up at D+1 02:00 recomputes D, which
     * no longer sees a mark by D's end: the stored +20 stays (the day's unrealized PnL is the one last computed within it).
     */
    @Test
    void recomputingAFinishedDayKeepsItsUnrealizedPnlWhenTheMarksAreNowAfterIt() {
        Instant d = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        long account = exchangeAccount(d.minus(h(48)));
        position(account, 3, d.plus(h(9)), null, null, "110", d.plus(Duration.ofMinutes(22 * 60 + 30)));
        MutableClock clock = new MutableClock(d.plus(h(23)));
        calculation(clock, ZoneOffset.UTC).execute();
        assertThat(metrics.forUser(user, day, day).unrealizedPnl()).isEqualByComparingTo("20");

        jdbc.update("update position set mark_price = 120, marked_at = ? where account_id = ?", Timestamp.from(d.plus(h(25))), account);
        clock.set(d.plus(h(26)));
        calculation(clock, ZoneOffset.UTC).execute();

        assertThat(jdbc.queryForObject("select computed_until from report_day where day = ?", Timestamp.class, Date.valueOf(day))
                .toInstant()).as("D was recomputed to its end").isEqualTo(d.plus(h(24)));
        assertThat(metrics.forUser(user, day, day).unrealizedPnl()).isEqualByComparingTo("20");
        assertThat(jdbc.queryForObject("select unmarked_positions from report_user_day where day = ? and user_id = ?", Integer.class,
                Date.valueOf(day), user)).isZero();
        assertThat(metrics.forUser(user, day.plusDays(1), day.plusDays(1)).unrealizedPnl()).as("D+1 sees the new mark")
                .isEqualByComparingTo("40");
    }

    /*
     * Review fix 2b: a second subscription (ETH/USDT, no signal) live all of D and cancelled at D+1 10:00; D computed only at
     * D+1 12:00 (catch-up) still has its row: it was live on D.
     */
    @Test
    void aSubscriptionCancelledAfterTheDayStillHasItsRowForTheDay() {
        Instant d = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        long later = otherSubscription("ETH/USDT", d.minus(h(48)), d.plus(h(34)));
        calculation(new MutableClock(d.plus(h(36))), ZoneOffset.UTC).execute();

        assertThat(jdbc.queryForObject("select count(*) from report_signal_day where day = ? and subscription_id = ?", Integer.class,
                Date.valueOf(day), later)).isEqualTo(1);
        calculation(new MutableClock(d.plus(h(84))), ZoneOffset.UTC).execute();
        assertThat(jdbc.queryForObject("select count(*) from report_signal_day where day = ? and subscription_id = ?", Integer.class,
                Date.valueOf(day.plusDays(2)), later)).as("not on a day after its cancellation").isZero();
    }

    /*
     * Review fix 2c: a subscription cancelled before D has a signal on D (so a row on D) when D is computed at 23:00; the
     * signal then moves to D+2 (its times corrected); the recompute of D at D+1 01:00 deletes D's row of that subscription
     * and the chat row it fed, not leaves them with the old figures.
     */
    @Test
    void aRecomputeDeletesTheDaysRowsItDidNotWrite() {
        Instant d = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        jdbc.update("update subscription set status = 'CANCELLED', updated_at = ? where id = ?", Timestamp.from(d.minus(h(30))), subscription);
        long moved = signal(d.plus(h(1)), "TAKE_PROFIT", d.plus(h(3)), "2");
        MutableClock clock = new MutableClock(d.plus(h(23)));
        calculation(clock, ZoneOffset.UTC).execute();
        assertThat(rowsOf(day)).singleElement().satisfies(row -> assertThat(row).containsEntry("wins", 1));
        assertThat(metrics.forChat(chat, day, day).equityChange()).isCloseTo(0.02, within(1e-12));

        jdbc.update("update signal set issued_at = issued_at + interval '2 days', closed_at = closed_at + interval '2 days', "
                + "filled_at = filled_at + interval '2 days' where id = ?", moved);
        clock.set(d.plus(h(25)));
        calculation(clock, ZoneOffset.UTC).execute();

        assertThat(rowsOf(day)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from report_chat_day where day = ? and destination_id = ?", Integer.class,
                Date.valueOf(day), chat)).isZero();
        assertThat(metrics.forChat(chat, day, day).equityChange()).isZero();
    }

    /*
     * Review fix 3: the chat cancels its BTC/USDT subscription A and subscribes again (B), same bot and pair, and trades
     * interleave on D: 02:00 A +2R, 03:00 B −1R, 04:00 A −1R, 05:00 B +2R. A alone: 1.02 → 1.0098, drawdown 0.01; B alone:
     * 0.99 → 1.0098, drawdown 0.01. Folding A's day then B's "day" would give 1 − 1.0098 × 0.99 / 1.02 = 0.0199, a fall
     * that never happened: the rows stay per subscription, each exact.
     */
    @Test
    void twoSubscriptionsOfOneChatOnTheSameBotAndPairOnOneDayKeepTheirOwnExactDrawdown() {
        Instant d = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        jdbc.update("update subscription set status = 'CANCELLED', updated_at = ? where id = ?", Timestamp.from(d.plus(h(6))), subscription);
        long again = otherSubscription(PAIR, d.plus(h(1)), null);
        signal(subscription, d.plus(h(1)), "TAKE_PROFIT", d.plus(h(2)), "2");
        signal(again, d.plus(h(2)), "STOP_LOSS", d.plus(h(3)), "-1");
        signal(subscription, d.plus(h(3)), "STOP_LOSS", d.plus(h(4)), "-1");
        signal(again, d.plus(h(4)), "TAKE_PROFIT", d.plus(h(5)), "2");
        calculation(new MutableClock(d.plus(h(23))), ZoneOffset.UTC).execute();
        jdbc.update("update subscription set status = 'CANCELLED' where id = ?", again);

        ChatMetrics dayD = metrics.forChat(chat, day, day);
        assertThat(dayD.rows()).hasSize(2).allSatisfy(row -> {
            assertThat(row.pair()).isEqualTo(PAIR);
            assertThat(row.maxDrawdown()).isCloseTo(0.01, within(1e-12));
            assertThat(row.equityChange()).isCloseTo(0.0098, within(1e-12));
        });
    }

    /*
     * Review fix 4: an exchange account with 1,000 and a paper account configured at 10,000: exchange equity 1,000 and
     * paper equity 10,000, never one figure of 11,000.
     */
    @Test
    void exchangeEquityAndPaperEquityAreKeptApart() {
        Instant d = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        long account = exchangeAccount(d.minus(h(48)));
        balance(account, d.plus(h(10)), "1000");
        jdbc.update("insert into exchange_account (user_id, exchange, kind, paper_equity, created_at) values (?, 'paper', 'PAPER', 10000, ?)",
                user, Timestamp.from(d.minus(h(48))));
        calculation(new MutableClock(d.plus(h(23))), ZoneOffset.UTC).execute();

        UserMetrics money = metrics.forUser(user, day, day);
        assertThat(money.equityEnd()).isEqualByComparingTo("1000");
        assertThat(money.paperEquityEnd()).isEqualByComparingTo("10000");
        assertThat(money.days().getFirst().exchangeEquity()).isEqualByComparingTo("1000");
        assertThat(money.days().getFirst().paperEquity()).isEqualByComparingTo("10000");
        assertThat(jdbc.queryForMap("select accounts, paper_accounts from report_user_day where day = ? and user_id = ?",
                Date.valueOf(day), user)).containsEntry("accounts", 1).containsEntry("paper_accounts", 1);
    }

    private long exchangeAccount(Instant createdAt) {
        return jdbc.queryForObject("""
                insert into exchange_account (user_id, exchange, kind, key_hint, created_at) values (?, 'binance', 'EXCHANGE', '…ab12', ?)
                returning id""", Long.class, user, Timestamp.from(createdAt));
    }

    /** Another subscription of the chat's user and bot, started at {@code startedAt}, cancelled at {@code cancelledAt} if given. */
    private long otherSubscription(String pair, Instant startedAt, Instant cancelledAt) {
        return jdbc.queryForObject("""
                insert into subscription (user_id, destination_id, bot_template_id, exchange, primary_pair, timeframes, status,
                                          started_at, updated_at)
                select ?, ?, id, 'sim', ?, '{1h}', ?, ?, ? from bot_template where code = ? returning id""",
                Long.class, user, chat, pair, cancelledAt == null ? "ACTIVE" : "CANCELLED", Timestamp.from(startedAt),
                Timestamp.from(cancelledAt == null ? startedAt : cancelledAt), bot);
    }

    private CalculateDailyMetrics calculation(MutableClock clock, ZoneId zone) {
        return new CalculateDailyMetrics(signalDays, userDays, store, new MetricsProperties("-", zone, 7, 0.01), transactions, clock);
    }

    private List<Map<String, Object>> rowsOf(LocalDate of) {
        return jdbc.queryForList("select * from report_signal_day where subscription_id = ? and day = ?", subscription, Date.valueOf(of));
    }

    private List<Map<String, Object>> rows() {
        return jdbc.queryForList("select * from report_signal_day where subscription_id = ? order by day", subscription);
    }

    private long signal(Instant issuedAt, String status, Instant closedAt, String r) {
        return signal(subscription, issuedAt, status, closedAt, r);
    }

    private long signal(long subscription, Instant issuedAt, String status, Instant closedAt, String r) {
        return jdbc.queryForObject("""
                insert into signal (subscription_id, bot_template_id, exchange, market_type, symbol, timeframe, candle_open_time,
                                    action, confidence, entry, stop_loss, take_profits, risk_reward, reasoning, analyst,
                                    analyst_version, issued_at, status, closed_at, r_multiple, filled_at)
                select ?, bot_template_id, 'sim', ?, ?, '1h', ?, 'BUY', 0.7, 100, 95, array[110::numeric], 2, 'seeded', 'technical', '1', ?,
                       ?, ?, ?::numeric, case when ? in ('NOT_FILLED', 'OPEN') then null else ?::timestamptz end
                  from subscription where id = ? returning id""", Long.class, subscription, series.marketType().name(), PAIR,
                Timestamp.from(issuedAt), Timestamp.from(issuedAt), status, closedAt == null ? null : Timestamp.from(closedAt), r, status,
                Timestamp.from(issuedAt), subscription);
    }

    private void candles(Instant from, int hours) {
        for (int i = 0; i < hours; i++) {
            jdbc.update("""
                    insert into candle (exchange, market_type, symbol, timeframe, open_time, open, high, low, close, volume, closed, updated_at)
                    values (?, ?, ?, '1h', ?, 100, 101, 99, 100, 1, true, now()) on conflict do nothing""",
                    series.exchange().id(), series.marketType().name(), series.symbol().toString(), Timestamp.from(from.plus(h(i))));
        }
    }

    private void balance(long account, Instant at, String equity) {
        jdbc.update("insert into balance_snapshot (account_id, synced_at, equity_usdt) values (?, ?, ?::numeric)", account, Timestamp.from(at), equity);
    }

    private void position(long account, int number, Instant openedAt, Instant closedAt, String realized, String mark, Instant markedAt) {
        jdbc.update("""
                insert into position (user_id, account_id, number, exchange, pair, side, entry, size, source, status, opened_at, closed_at,
                                      exit_price, realized_pnl, close_reason, mark_price, marked_at)
                values (?, ?, ?, 'binance', ?, 'LONG', 100, 2, 'MANUAL', ?, ?, ?, ?::numeric, ?::numeric, ?, ?::numeric, ?)""",
                user, account, number, PAIR, closedAt == null ? "OPEN" : "CLOSED", Timestamp.from(openedAt),
                closedAt == null ? null : Timestamp.from(closedAt), closedAt == null ? null : "125", realized,
                closedAt == null ? null : "MANUAL", mark, markedAt == null ? null : Timestamp.from(markedAt));
    }

    private static Duration h(int hours) {
        return Duration.ofHours(hours);
    }
}
