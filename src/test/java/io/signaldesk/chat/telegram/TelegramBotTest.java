package io.signaldesk.chat.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.signaldesk.IntegrationTest;
import io.signaldesk.analysis.Action;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.MarketRefresh;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.signals.TestSignals;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Telegram bot end to end: the real TelegramBots client and long polling against {@link StubBotApi},
 * the real dispatcher, commands, outbox and database. A conversation from /start through /subscribe to a
 * delivered signal with chart and buttons; presses by the owner and a stranger; flood control (429),
 * a blocked bot (403), and rows a dead instance left behind.
 */
@IntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TelegramBotTest {

    private static final String TOKEN = "123456:TEST-token";
    private static final AtomicLong USERS = new AtomicLong(700_000_000L + System.nanoTime() % 100_000_000L);
    private static final StubBotApi TELEGRAM = StubBotApi.started(TOKEN);
    /** The message a press comes from; the stub edits whatever id it is given. */
    private static final int LISTING_MESSAGE = 1;
    private static final TestSignals.Levels BUY = new TestSignals.Levels(Action.BUY, 0.72, "64000", "63000", "66000", "trend up <strong>");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MarketRefresh refresh;
    @Autowired
    MarketInputs markets;

    @DynamicPropertySource
    static void telegram(DynamicPropertyRegistry registry) {
        registry.add("signaldesk.chat.telegram-bot-token", () -> TOKEN);
        registry.add("signaldesk.chat.telegram.api-url", TELEGRAM::url);
        registry.add("signaldesk.chat.telegram.poll-timeout", () -> "1s");
        registry.add("signaldesk.notifications.poll-interval", () -> "100ms");
    }

    @AfterAll
    static void stop() {
        TELEGRAM.close();
    }

    @Test
    void aConversationFromStartThroughSubscribeToADeliveredSignalWithChartAndButtons() {
        long user = USERS.incrementAndGet();
        TELEGRAM.message(user, user, "en", "/start");
        assertThat(reply(user, "Welcome to SignalDesk")).isNotNull();

        TELEGRAM.message(user, user, "en", "/subscribe sim BTC/USDT 1h,4h");
        assertThat(reply(user, "Subscribed to Futures Signals: Simulated exchange BTC/USDT on 1h,4h")).isNotNull();

        long signal = issueSignal(user);
        StubBotApi.Call photo = delivered(user);
        assertThat(photo.text()).contains("Signal: BUY").contains("Pair: BTC/USDT on Simulated exchange, 1h").contains("Confidence: 72%")
                .contains("Entry: 64000").contains("Stop loss: 63000 (-1.56%)").contains("Take profit: 66000 (+3.13%)")
                .contains("Analysis: trend up &lt;strong&gt;");
        assertThat(photo.params().path("photo").asString()).matches("<\\d+ bytes>");
        List<String> buttons = photo.buttonIds();
        assertThat(buttons).hasSize(2);

        TELEGRAM.press(user, user, Integer.parseInt(messageId(signal)), true, buttons.getFirst());
        StubBotApi.Call noted = answer("Noted: you took BUY BTC/USDT at 64000");
        assertThat(noted.params().path("show_alert").asBoolean(false)).as("an acknowledgement is a toast, not an alert").isFalse();
        assertThat(jdbc.queryForObject("select count(*) from signal_taken where signal_id = ?", Integer.class, signal)).isEqualTo(1);
        assertThat(TELEGRAM.calls("sendMessage").stream().filter(call -> call.chatId().equals(Long.toString(user))
                && call.text().startsWith("Noted"))).as("the acknowledgement is not posted into the chat").isEmpty();
        assertThat(TELEGRAM.calls("setMyCommands")).extracting(call -> call.params().path("language_code").asString(""))
                .contains("", "vi");
    }

    @Test
    void inAGroupTheAdminTelegramNamesConfiguresAndAMemberIsRefused() {
        long group = -USERS.incrementAndGet();
        long admin = USERS.incrementAndGet();
        long member = USERS.incrementAndGet();
        TELEGRAM.admin(group, admin);

        TELEGRAM.message(group, member, "en", "/subscribe sim BTC/USDT 1h");
        assertThat(reply(group, "Only this group's admins can use /subscribe here.")).isNotNull();
        TELEGRAM.message(group, member, "en", "/help@some_other_bot");
        TELEGRAM.message(group, member, "en", "good morning traders");
        TELEGRAM.message(group, admin, "en", "/subscribe@signaldesk_bot sim BTC/USDT 1h");
        assertThat(reply(group, "Subscribed to Futures Signals")).isNotNull();
        assertThat(jdbc.queryForObject("select is_group from chat_destination where platform = 'TELEGRAM' and chat_id = ?", Boolean.class,
                Long.toString(group))).isTrue();
        assertThat(TELEGRAM.calls("sendMessage").stream().filter(call -> call.chatId().equals(Long.toString(group))))
                .as("another bot's command and chatter get no answer").hasSize(2);
    }

    /** Issue 13's review scenario: a stranger presses an admin's button in a group; only the stranger hears about it. */
    @Test
    void aStrangersPressInAGroupIsRefusedPrivatelyAndNothingIsPostedIntoTheGroup() {
        long group = -USERS.incrementAndGet();
        long admin = USERS.incrementAndGet();
        long stranger = USERS.incrementAndGet();
        TELEGRAM.admin(group, admin);
        TELEGRAM.message(group, admin, "en", "/subscribe sim BTC/USDT 1h");
        reply(group, "Subscribed");
        TELEGRAM.message(group, admin, "en", "/subscriptions");
        StubBotApi.Call listing = reply(group, "Subscriptions of this chat");
        long inGroupBefore = sentTo(group);

        TELEGRAM.press(group, stranger, LISTING_MESSAGE, false, listing.buttonIds().getFirst());

        StubBotApi.Call refusal = answer("This button belongs to someone else's message. Send /subscriptions to get your own.");
        assertThat(refusal.params().path("show_alert").asBoolean()).as("a refusal is an alert only the presser sees").isTrue();
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertThat(sentTo(group)).as("nothing is posted into the group").isEqualTo(inGroupBefore);
        assertThat(TELEGRAM.calls("editMessageText").stream().filter(call -> call.chatId().equals(Long.toString(group)))).isEmpty();
        assertThat(jdbc.queryForList("select s.status from subscription s join chat_destination d on d.id = s.destination_id"
                + " where d.chat_id = ?", String.class, Long.toString(group))).containsExactly("ACTIVE");
    }

    /**
     * Anonymous admins of two groups are two users (their settings stay per group), and a button shown to
     * a group's anonymous admin works for a real admin of that group, not for an admin of another group.
     */
    @Test
    void anonymousAdminsAreOneUserPerGroupAndTheirButtonsWorkForTheGroupsAdmins() {
        long group = -USERS.incrementAndGet();
        long otherGroup = -USERS.incrementAndGet();
        long admin = USERS.incrementAndGet();
        long otherAdmin = USERS.incrementAndGet();
        TELEGRAM.admin(group, admin);
        TELEGRAM.admin(otherGroup, otherAdmin);
        TELEGRAM.anonymousAdminMessage(group, "Traders", "/subscribe sim BTC/USDT 1h");
        reply(group, "Subscribed to Futures Signals");
        TELEGRAM.anonymousAdminMessage(otherGroup, "Others", "/subscribe sim ETH/USDT 1h");
        reply(otherGroup, "Subscribed to Futures Signals");
        TELEGRAM.anonymousAdminMessage(group, "Traders", "/subscriptions");
        StubBotApi.Call listing = reply(group, "Subscriptions of this chat");
        String pause = listing.buttonIds().getFirst();

        TELEGRAM.press(group, otherAdmin, LISTING_MESSAGE, false, pause);
        answer("This button belongs to someone else's message");
        TELEGRAM.press(group, admin, LISTING_MESSAGE, false, pause);

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForList("select s.status from subscription s"
                + " join chat_destination d on d.id = s.destination_id where d.chat_id = ?", String.class, Long.toString(group)),
                statuses -> statuses.equals(List.of("PAUSED")));
        // the status is stored before the listing is edited in place: wait for the edit, then check there is just one
        await().atMost(Duration.ofSeconds(10)).until(() -> TELEGRAM.calls("editMessageText").stream()
                .anyMatch(call -> call.chatId().equals(Long.toString(group))));
        assertThat(TELEGRAM.calls("editMessageText").stream().filter(call -> call.chatId().equals(Long.toString(group)))).hasSize(1);
        assertThat(jdbc.queryForList("select external_id from chat_identity i join app_user u on u.id = i.user_id"
                + " where i.platform = 'TELEGRAM' and i.external_id in (?, ?, '1087968824')", String.class, Long.toString(group),
                Long.toString(otherGroup))).as("one user per group, none for the shared GroupAnonymousBot account")
                .containsExactlyInAnyOrder(Long.toString(group), Long.toString(otherGroup));
        assertThat(jdbc.queryForList("select s.status from subscription s join chat_destination d on d.id = s.destination_id"
                + " where d.chat_id = ?", String.class, Long.toString(otherGroup))).containsExactly("ACTIVE");
    }

    @Test
    void aGroupThatRemovedTheBotIsPausedAndItsAdminIsToldOnceInPrivate() {
        long group = -USERS.incrementAndGet();
        long admin = USERS.incrementAndGet();
        TELEGRAM.admin(group, admin);
        TELEGRAM.message(admin, admin, "en", "/start");
        reply(admin, "Welcome");
        TELEGRAM.message(group, admin, "en", "/subscribe sim BTC/USDT 1h");
        reply(group, "Subscribed");
        TELEGRAM.plan("sendPhoto", 403, "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was kicked from the supergroup chat\"}");

        issueSignal(group);

        StubBotApi.Call notice = reply(admin, "I can no longer post to TELEGRAM " + group);
        assertThat(notice.text()).contains("bot was kicked").contains("paused").contains("/resume");
        assertThat(jdbc.queryForList("select s.status from subscription s join chat_destination d on d.id = s.destination_id"
                + " where d.chat_id = ?", String.class, Long.toString(group))).containsExactly("PAUSED");
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertThat(TELEGRAM.calls("sendMessage").stream().filter(call -> call.chatId().equals(Long.toString(admin))
                && call.text().startsWith("I can no longer post"))).hasSize(1);
    }

    @Test
    void aGroupUpgradedToASupergroupKeepsItsSignalsUnderItsNewId() {
        long group = -USERS.incrementAndGet();
        long admin = USERS.incrementAndGet();
        long supergroup = -1_000_000_000_000L - USERS.incrementAndGet();
        TELEGRAM.admin(group, admin);
        TELEGRAM.message(group, admin, "en", "/subscribe sim BTC/USDT 1h");
        reply(group, "Subscribed");
        TELEGRAM.plan("sendPhoto", 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: group chat was upgraded to a"
                + " supergroup chat\",\"parameters\":{\"migrate_to_chat_id\":" + supergroup + "}}");

        issueSignal(group);

        assertThat(delivered(supergroup).text()).contains("Signal: BUY");
        assertThat(jdbc.queryForList("select s.status from subscription s join chat_destination d on d.id = s.destination_id"
                + " where d.chat_id = ?", String.class, Long.toString(supergroup))).containsExactly("ACTIVE");
    }

    @Test
    void floodControlWaitsTheRetryAfterItNamesAndSendsOnce() {
        long user = subscribedUser();
        TELEGRAM.plan("sendPhoto", 429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 2\","
                + "\"parameters\":{\"retry_after\":2}}");
        long signal = issueSignal(user);

        StubBotApi.Call sent = delivered(user);
        List<StubBotApi.Call> tries = TELEGRAM.calls("sendPhoto").stream().filter(call -> call.chatId().equals(Long.toString(user))).toList();
        assertThat(tries).hasSize(2);
        assertThat(Duration.between(tries.get(0).at(), sent.at())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        // recorded just after the stub answered
        await().atMost(Duration.ofSeconds(10)).until(
                () -> jdbc.queryForObject("select status from delivery where event_key = ?", String.class, "signal:" + signal), "SENT"::equals);
    }

    @Test
    void aBlockedBotMarksTheChatInactiveAndPausesItsSubscriptions() {
        long user = subscribedUser();
        TELEGRAM.plan("sendPhoto", 403, "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}");
        long signal = issueSignal(user);

        await().atMost(Duration.ofSeconds(10)).until(() -> "DROPPED".equals(
                jdbc.queryForObject("select status from delivery where event_key = ?", String.class, "signal:" + signal)));
        assertThat(jdbc.queryForObject("select active from chat_destination where platform = 'TELEGRAM' and chat_id = ?", Boolean.class,
                Long.toString(user))).isFalse();
        assertThat(jdbc.queryForList("select s.status from subscription s join chat_destination d on d.id = s.destination_id"
                + " where d.chat_id = ?", String.class, Long.toString(user))).containsExactly("PAUSED");
    }

    @Test
    void rowsADeadInstanceLeftClaimedAreSentOnceAfterTheirLease() {
        long user = subscribedUser();
        TestSignals.Subscription subscription = subscriptionIn(user);
        long signal = transactions.execute(status -> {
            long id = signals().store(subscription, BUY);
            jdbc.update("""
                    insert into delivery (event_key, destination_id, kind, payload, claimed_by, claimed_until)
                    values (?, ?, 'SIGNAL', ?::jsonb, 'dead-instance/telegram', now() - interval '1 second')""",
                    "signal:" + id, subscription.destinationId(),
                    tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(signals().event(id, subscription, BUY)));
            return id;
        });

        delivered(user);
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(TELEGRAM.calls("sendPhoto").stream().filter(call -> call.chatId().equals(Long.toString(user)))).hasSize(1);
        assertThat(jdbc.queryForObject("select attempts from delivery where event_key = ?", Integer.class, "signal:" + signal)).isEqualTo(1);
    }

    private long subscribedUser() {
        long user = USERS.incrementAndGet();
        TELEGRAM.message(user, user, "en", "/subscribe sim BTC/USDT 1h");
        reply(user, "Subscribed");
        return user;
    }

    private long issueSignal(long chat) {
        refresh.refresh(java.util.Set.of(markets.series(ExchangeId.SIM, Symbol.parse("BTC/USDT"), Timeframe.parse("1h").orElseThrow())));
        return signals().issue(subscriptionIn(chat), BUY);
    }

    private TestSignals.Subscription subscriptionIn(long chat) {
        return signals().subscriptionIn("TELEGRAM", Long.toString(chat), "BTC/USDT");
    }

    private TestSignals signals() {
        return new TestSignals(jdbc, transactions, events);
    }

    /** The id Telegram gave the signal's message, once the sender has recorded it (just after the stub answered). */
    private String messageId(long signal) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> jdbc.queryForObject("select message_ids from delivery where event_key = ?", String.class, "signal:" + signal),
                ids -> ids != null);
    }

    private static StubBotApi.Call reply(long chat, String startsWith) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> TELEGRAM.calls("sendMessage").stream()
                .filter(call -> call.chatId().equals(Long.toString(chat)) && call.text().startsWith(startsWith))
                .findFirst().orElse(null), call -> call != null);
    }

    /** The first answer to a press whose text starts with {@code startsWith}. */
    private static StubBotApi.Call answer(String startsWith) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> TELEGRAM.calls("answerCallbackQuery").stream()
                .filter(call -> call.text().startsWith(startsWith)).findFirst().orElse(null), call -> call != null);
    }

    private static long sentTo(long chat) {
        return TELEGRAM.calls("sendMessage").stream().filter(call -> call.chatId().equals(Long.toString(chat))).count();
    }

    private static StubBotApi.Call delivered(long chat) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> TELEGRAM.calls("sendPhoto").stream()
                .filter(call -> call.chatId().equals(Long.toString(chat)) && call.status() == 200)
                .findFirst().orElse(null), call -> call != null);
    }
}
