package io.signaldesk.chat.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.signaldesk.IntegrationTest;
import io.signaldesk.backtest.BacktestTestBeans;
import io.signaldesk.backtest.ScriptedBacktests;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code /backtest} end to end through the real Telegram client and long polling against {@link StubBotApi}, the
 * real dispatcher, queue ({@code backtest_run}), workers and chart, with the engine scripted
 * ({@link ScriptedBacktests}): answered at once, the answer edited with the progress, then the result as a photo;
 * bad input refused with nothing queued; one backtest per user; the queue's places; a run whose instance died
 * marked interrupted with its message saying so.
 */
@IntegrationTest
@Import(BacktestTestBeans.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TelegramBacktestTest {

    private static final String TOKEN = "424242:BACKTEST-token";
    private static final AtomicLong USERS = new AtomicLong(800_000_000L + System.nanoTime() % 100_000_000L);
    private static final StubBotApi TELEGRAM = StubBotApi.started(TOKEN);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ScriptedBacktests engine;

    @DynamicPropertySource
    static void telegram(DynamicPropertyRegistry registry) {
        registry.add("signaldesk.chat.telegram-bot-token", () -> TOKEN);
        registry.add("signaldesk.chat.telegram.api-url", TELEGRAM::url);
        registry.add("signaldesk.chat.telegram.poll-timeout", () -> "1s");
        registry.add("signaldesk.backtest.workers", () -> "1");
        registry.add("signaldesk.backtest.poll", () -> "200ms");
        registry.add("signaldesk.backtest.lease", () -> "3s");
    }

    @AfterEach
    void release() {
        engine.release();
    }

    @AfterAll
    static void stop() {
        TELEGRAM.close();
    }

    @Test
    void aBacktestIsAnsweredAtOnceEditedWithItsProgressThenItsResultComesAsAPhoto() {
        long user = USERS.incrementAndGet();
        TELEGRAM.message(user, user, "en", "/backtest sim BTC/USDT 1h 30");

        StubBotApi.Call answer = reply(user, "Backtest #");
        assertThat(answer.text()).contains("futures-signals · Simulated exchange BTC/USDT 1h · 30 d");
        StubBotApi.Call photo = await().atMost(Duration.ofSeconds(20)).until(() -> TELEGRAM.calls("sendPhoto").stream()
                .filter(call -> call.chatId().equals(Long.toString(user))).findFirst().orElse(null), call -> call != null);
        int messageId = Integer.parseInt(jdbc.queryForObject("select message_id from backtest_run where user_id = (select user_id from"
                + " chat_identity where platform = 'TELEGRAM' and external_id = ?)", String.class, Long.toString(user)));
        List<String> edits = await().atMost(Duration.ofSeconds(10)).until(() -> edits(user, messageId),
                texts -> !texts.isEmpty() && texts.getLast().contains("Done: the result is below."));

        assertThat(edits).anyMatch(text -> text.contains("Fetching history: page 1 of 3"));
        assertThat(edits).anyMatch(text -> text.contains("Replaying: 50 %"));
        assertThat(edits).as("a report within 2 s of the last edit is dropped").noneMatch(text -> text.contains("page 2 of 3"));
        assertThat(TELEGRAM.calls("editMessageText").stream().filter(call -> call.chatId().equals(Long.toString(user)))
                .map(StubBotApi.Call::at).toList()).as("edits of one message come at least ~2 s apart")
                .satisfies(times -> {
                    for (int i = 1; i < times.size(); i++) {
                        assertThat(Duration.between(times.get(i - 1), times.get(i))).isGreaterThanOrEqualTo(Duration.ofMillis(1_900));
                    }
                });
        assertThat(photo.params().path("photo").asString()).matches("<\\d+ bytes>");
        assertThat(photo.text()).contains("Trades: 3").contains("win rate 66.7 %").contains("Return:").contains("buy and hold")
                .contains("Against chance: no evidence of an edge: better than 81 % of random entries")
                .contains("Validation: not validated yet (test status)")
                .contains("⚠ Incomplete: " + ScriptedBacktests.MISSING.replace(">", "&gt;"))
                .contains("Note: " + ScriptedBacktests.NOTE);
        assertThat(statusOf(user)).isEqualTo("done");
    }

    @Test
    void badInputIsAnsweredClearlyAndQueuesNothing() {
        long user = USERS.incrementAndGet();
        List<String> asked = List.of("/backtest sim", "/backtest nowhere BTC/USDT", "/backtest sim NOPE/USDT", "/backtest sim BTC/USDT 7m",
                "/backtest sim BTC/USDT 1h 731", "/backtest sim BTC/USDT 1h 0", "/backtest sim BTC/USDT bot=nobot",
                "/backtest sim BTC/USDT 1h 1h", "/backtest sim BTC/USDT 1h -5", "/backtest sim BTC/USDT 1m,1h 30",
                "/backtest sim BTC/USDT 5m,1h 730");
        List<String> answers = new java.util.ArrayList<>();
        for (String command : asked) {
            long before = sentTo(user);
            TELEGRAM.message(user, user, "en", command);
            answers.add(await().atMost(Duration.ofSeconds(10)).until(() -> sentTo(user) > before ? lastTo(user) : null, text -> text != null));
        }

        assertThat(answers.get(0)).startsWith("Usage: /backtest &lt;exchange&gt; &lt;pair&gt;");
        assertThat(answers.get(1)).startsWith("Backtest not started: 'nowhere' is not an exchange SignalDesk knows.");
        assertThat(answers.get(2)).startsWith("Backtest not started:").contains("NOPE");
        assertThat(answers.get(3)).startsWith("Backtest not started:").contains("7m");
        assertThat(answers.get(4)).isEqualTo("Backtest not started: 731 days is not a span SignalDesk replays: give a whole number of days"
                + " from 1 to 730, e.g. 180.");
        assertThat(answers.get(5)).startsWith("Backtest not started: 0 days");
        assertThat(answers.get(6)).startsWith("Backtest not started: 'nobot' is not a bot here. Bots: futures-signals");
        assertThat(answers.get(7)).startsWith("Backtest not started: more than one timeframe list");
        assertThat(answers.get(8)).startsWith("Backtest not started: -5 days");
        assertThat(answers.get(9)).as("a base no subscription may take").startsWith("Backtest not started: 1m cannot be the smallest timeframe:")
                .contains("Make 5m or longer the smallest");
        assertThat(answers.get(10)).as("too many candles for one run").isEqualTo(
                "Backtest not started: 730 days of 5m is 210,240 candles; at most 50,000: try 173 days or a 30m base.");
        assertThat(rowsOf(user)).isZero();
    }

    @Test
    void aSpanTheEngineRefusesIsAnsweredInTheMessageAndMarkedRefused() {
        long user = USERS.incrementAndGet();
        TELEGRAM.message(user, user, "vi", "/backtest sim ETH/USDT 1h " + ScriptedBacktests.REFUSED_DAYS);
        reply(user, "Kiểm thử #");

        await().atMost(Duration.ofSeconds(10)).until(() -> TELEGRAM.calls("editMessageText").stream()
                .anyMatch(call -> call.chatId().equals(Long.toString(user)) && call.text().contains("Không chạy được: too few candles")));
        assertThat(statusOf(user)).isEqualTo("refused");
    }

    @Test
    void aSecondBacktestWhileOneRunsIsRefusedAndTheQueueSaysEachPlace() {
        engine.hold();
        long first = USERS.incrementAndGet();
        long second = USERS.incrementAndGet();
        long third = USERS.incrementAndGet();
        TELEGRAM.message(first, first, "en", "/backtest sim BTC/USDT 1h 30");
        reply(first, "Backtest #");
        await().atMost(Duration.ofSeconds(10)).until(() -> "running".equals(statusOf(first)));

        TELEGRAM.message(first, first, "en", "/backtest sim ETH/USDT 4h 60");
        assertThat(reply(first, "Backtest not started: your backtest #").text()).contains("is still queued or running");
        TELEGRAM.message(second, second, "en", "/backtest sim ETH/USDT 4h 60");
        assertThat(reply(second, "Backtest #").text()).contains("Queued: place 1 in the queue");
        TELEGRAM.message(third, third, "en", "/backtest sim SOL/USDT 4h 60");
        assertThat(reply(third, "Backtest #").text()).contains("Queued: place 2 in the queue");
        assertThat(rowsOf(first)).as("the refused second backtest queued nothing").isEqualTo(1);

        engine.release();
        await().atMost(Duration.ofSeconds(40)).until(() -> "done".equals(statusOf(third)));
        assertThat(statusOf(first)).isEqualTo("done");
        assertThat(statusOf(second)).isEqualTo("done");
    }

    @Test
    void aRunWhoseLeaseWasTakenIsCancelledItsThreadInterruptedAndTheWorkerGoesOn() {
        engine.hold();
        long user = USERS.incrementAndGet();
        TELEGRAM.message(user, user, "en", "/backtest sim BTC/USDT 1h 30");
        reply(user, "Backtest #");
        await().atMost(Duration.ofSeconds(10)).until(() -> "running".equals(statusOf(user)));
        await().atMost(Duration.ofSeconds(10)).until(() -> TELEGRAM.calls("editMessageText").stream()
                .anyMatch(call -> call.chatId().equals(Long.toString(user)) && call.text().contains("Running: preparing the history.")));
        int interruptedBefore = engine.interrupted();

        // another instance swept it (its lease seemed to end) and said so in the message
        jdbc.update("update backtest_run set status = 'interrupted', lease_owner = 'other-instance' where status = 'running'"
                + " and user_id = (select user_id from chat_identity where platform = 'TELEGRAM' and external_id = ?)", Long.toString(user));
        long editsBefore = TELEGRAM.calls("editMessageText").stream().filter(call -> call.chatId().equals(Long.toString(user))).count();

        await().atMost(Duration.ofSeconds(10)).until(() -> engine.interrupted() > interruptedBefore);
        engine.release();
        long next = USERS.incrementAndGet();
        TELEGRAM.message(next, next, "en", "/backtest sim BTC/USDT 4h 30");
        reply(next, "Backtest #");
        await().atMost(Duration.ofSeconds(30)).until(() -> "done".equals(statusOf(next)));
        assertThat(statusOf(user)).isEqualTo("interrupted");
        assertThat(TELEGRAM.calls("editMessageText").stream().filter(call -> call.chatId().equals(Long.toString(user))).count())
                .as("the cancelled run edits its message no more").isEqualTo(editsBefore);
    }

    @Test
    void aResultThatCannotBeSentLeavesItsFiguresInTheProgressMessage() {
        long user = USERS.incrementAndGet();
        // this chat's only: another test's run still sending its photo must not take the failure
        TELEGRAM.plan("sendPhoto", Long.toString(user), 400,
                "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: PHOTO_INVALID_DIMENSIONS\"}");
        TELEGRAM.message(user, user, "en", "/backtest sim BTC/USDT 2h 30");
        reply(user, "Backtest #");

        await().atMost(Duration.ofSeconds(30)).until(() -> "done".equals(statusOf(user)));
        String last = await().atMost(Duration.ofSeconds(15)).until(() -> TELEGRAM.calls("editMessageText").stream()
                .filter(call -> call.chatId().equals(Long.toString(user))).map(StubBotApi.Call::text)
                .filter(text -> text.contains("Done")).findFirst().orElse(null), text -> text != null);
        assertThat(last).contains("Done, but the result message could not be sent").contains("Trades: 3").doesNotContain("the result is below");
    }

    @Test
    void aRunWhoseInstanceStoppedIsMarkedInterruptedAndItsMessageSaysSo() {
        long user = USERS.incrementAndGet();
        TELEGRAM.message(user, user, "en", "/start");
        reply(user, "Welcome");
        jdbc.update("insert into chat_destination (platform, chat_id, is_group) values ('TELEGRAM', ?, false) on conflict do nothing",
                Long.toString(user));
        long id = jdbc.queryForObject("""
                insert into backtest_run (user_id, destination_id, locale, message_id, exchange, pair, timeframes, days, bot, span_from, span_to,
                                          status, lease_owner, lease_until, created_at, started_at)
                select i.user_id, d.id, 'en', '777', 'sim', 'BTC/USDT', '1h', 30, 'futures-signals', ?, ?, 'running', 'dead-instance', ?, ?, ?
                  from chat_identity i join chat_destination d on d.platform = 'TELEGRAM' and d.chat_id = i.external_id
                 where i.platform = 'TELEGRAM' and i.external_id = ? returning id""", Long.class,
                Timestamp.from(Instant.now().minus(Duration.ofDays(30))), Timestamp.from(Instant.now()),
                Timestamp.from(Instant.now().minusSeconds(5)), Timestamp.from(Instant.now().minusSeconds(60)),
                Timestamp.from(Instant.now().minusSeconds(60)), Long.toString(user));

        StubBotApi.Call edit = await().atMost(Duration.ofSeconds(10)).until(() -> TELEGRAM.calls("editMessageText").stream()
                .filter(call -> call.chatId().equals(Long.toString(user))).findFirst().orElse(null), call -> call != null);

        assertThat(edit.params().path("message_id").asInt()).isEqualTo(777);
        assertThat(edit.text()).startsWith("Backtest #" + id).contains("Interrupted: SignalDesk stopped or restarted while it ran.");
        assertThat(jdbc.queryForObject("select status from backtest_run where id = ?", String.class, id)).isEqualTo("interrupted");
    }

    private List<String> edits(long chat, int messageId) {
        return TELEGRAM.calls("editMessageText").stream()
                .filter(call -> call.chatId().equals(Long.toString(chat)) && call.params().path("message_id").asInt() == messageId)
                .map(StubBotApi.Call::text).toList();
    }

    private String statusOf(long user) {
        return jdbc.query("""
                select r.status from backtest_run r join chat_identity i on i.user_id = r.user_id
                 where i.platform = 'TELEGRAM' and i.external_id = ? order by r.id limit 1""", (row, i) -> row.getString(1), Long.toString(user))
                .stream().findFirst().orElse(null);
    }

    private int rowsOf(long user) {
        return jdbc.queryForObject("""
                select count(*) from backtest_run r join chat_identity i on i.user_id = r.user_id
                 where i.platform = 'TELEGRAM' and i.external_id = ?""", Integer.class, Long.toString(user));
    }

    private static StubBotApi.Call reply(long chat, String startsWith) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> TELEGRAM.calls("sendMessage").stream()
                .filter(call -> call.chatId().equals(Long.toString(chat)) && call.text().startsWith(startsWith))
                .findFirst().orElse(null), call -> call != null);
    }

    private static long sentTo(long chat) {
        return TELEGRAM.calls("sendMessage").stream().filter(call -> call.chatId().equals(Long.toString(chat))).count();
    }

    private static String lastTo(long chat) {
        return TELEGRAM.calls("sendMessage").stream().filter(call -> call.chatId().equals(Long.toString(chat))).reduce((a, b) -> b)
                .map(StubBotApi.Call::text).orElse(null);
    }
}
