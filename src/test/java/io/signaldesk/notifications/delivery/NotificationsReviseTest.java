package io.signaldesk.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.signaldesk.IntegrationTest;
import io.signaldesk.chat.Button;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.telegram.StubBotApi;
import io.signaldesk.notifications.Audience;
import io.signaldesk.notifications.EventTypes;
import io.signaldesk.notifications.Notification;
import io.signaldesk.notifications.NotificationKind;
import io.signaldesk.notifications.Notifications;
import io.signaldesk.notifications.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import io.signaldesk.chat.ChatDestination;
import io.signaldesk.chat.Platform;
import java.sql.Timestamp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link Notifications#revise} end to end through the real TelegramBots client against {@link StubBotApi}: revise only
 * marks the copies (durably, no network call); the Telegram delivery worker then edits each sent copy in place, on the
 * message that carries the buttons ({@code editMessageCaption} on a photo sent as one message, {@code editMessageText} on
 * a text or on the caption a long-captioned photo sent as a text), retries flood control, gives up a refused edit, edits a
 * copy that was being sent when it was marked, and serves a request made while an edit was under way. Rows that must
 * wait are written already deferred or already claimed by another instance: nothing races the worker's poll.
 */
@IntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(NotificationsReviseTest.RevisedKindConfiguration.class)
class NotificationsReviseTest {

    static final String KIND = "TEST_REVISED";
    private static final String TOKEN = "345678:TEST-revise";
    private static final String OTHER = "other-instance/telegram";
    private static final AtomicLong IDS = new AtomicLong(760_000_000L + System.nanoTime() % 100_000_000L);
    private static final StubBotApi TELEGRAM = StubBotApi.started(TOKEN);
    /** What each event key's card says now (the "state" a renderer reads at send and revise time). */
    static final Map<String, String> STATES = new ConcurrentHashMap<>();
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TestConfiguration(proxyBeanMethods = false)
    static class RevisedKindConfiguration {

        @Bean
        NotificationKind revisedKind(JsonMapper json) {
            return new NotificationKind() {
                @Override
                public String kind() {
                    return KIND;
                }

                @Override
                public String eventType() {
                    return EventTypes.REBALANCING;
                }

                @Override
                public Reply render(Rendering rendering) {
                    String state = STATES.getOrDefault(rendering.key(), "unknown");
                    List<List<Button>> buttons = state.equals("PROPOSED")
                            ? List.of(List.of(new Button("Approve", "a-" + rendering.key()), new Button("Reject", "r-" + rendering.key())))
                            : List.of(List.of(new Button("History", "h-" + rendering.key())));
                    String caption = "Card " + rendering.key() + ": " + state
                            + (json.readTree(rendering.payload()).path("long").asBoolean() ? " " + "x".repeat(1_100) : "");
                    return json.readTree(rendering.payload()).path("photo").asBoolean()
                            ? new Reply.Photo(PNG, caption, buttons) : new Reply.Text(caption, buttons);
                }
            };
        }
    }

    @Autowired
    Notifications notifications;
    @Autowired
    Outbox outbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    @DynamicPropertySource
    static void stubs(DynamicPropertyRegistry registry) {
        registry.add("signaldesk.chat.telegram-bot-token", () -> TOKEN);
        registry.add("signaldesk.chat.telegram.api-url", TELEGRAM::url);
        registry.add("signaldesk.chat.telegram.poll-timeout", () -> "1s");
        registry.add("signaldesk.notifications.poll-interval", () -> "100ms");
        registry.add("signaldesk.secrets.key", () -> "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    }

    @AfterAll
    static void stop() {
        TELEGRAM.close();
    }

    @Test
    void aDeliveredPhotoHasItsCaptionAndButtonsEditedInPlaceByTheWorker() {
        long chat = IDS.incrementAndGet();
        long user = telegramUser(chat);
        String key = "revise-photo:" + chat;
        STATES.put(key, "PROPOSED");
        assertThat(send(key, user, Map.of("photo", true))).isEqualTo(1);
        String messageId = await().atMost(WAIT).until(() -> messageIds(key), ids -> ids != null);
        assertThat(sentOf(chat, "sendPhoto").getFirst().buttonIds()).containsExactly("a-" + key, "r-" + key);

        STATES.put(key, "APPROVED");
        assertThat(notifications.revise(KIND, key)).as("copies marked").isEqualTo(1);

        StubBotApi.Call edit = await().atMost(WAIT).until(() -> sentOf(chat, "editMessageCaption"), edits -> !edits.isEmpty()).getFirst();
        assertThat(edit.params().path("message_id").asInt()).isEqualTo(Integer.parseInt(messageId));
        assertThat(edit.text()).isEqualTo("Card " + key + ": APPROVED");
        assertThat(edit.buttonIds()).containsExactly("h-" + key);
        await().atMost(WAIT).until(() -> served(key));
        assertThat(sentOf(chat, "editMessageText")).as("a photo's caption, not a text").isEmpty();
        assertThat(sentOf(chat, "sendPhoto")).as("nothing new sent").hasSize(1);
    }

    @Test
    void aPhotoWhoseLongCaptionFollowedAsTextHasThatTextEdited() {
        long chat = IDS.incrementAndGet();
        long user = telegramUser(chat);
        String key = "revise-long:" + chat;
        STATES.put(key, "PROPOSED");
        send(key, user, Map.of("photo", true, "long", true));
        String messageIds = await().atMost(WAIT).until(() -> messageIds(key), ids -> ids != null);
        assertThat(messageIds).as("a bare photo, then its caption with the buttons").contains(",");
        StubBotApi.Call captionText = sentOf(chat, "sendMessage").stream().filter(call -> call.text().startsWith("Card " + key)).findFirst().orElseThrow();
        assertThat(captionText.buttonIds()).containsExactly("a-" + key, "r-" + key);

        STATES.put(key, "REJECTED");
        assertThat(notifications.revise(KIND, key)).isEqualTo(1);

        StubBotApi.Call edit = await().atMost(WAIT).until(() -> sentOf(chat, "editMessageText"), edits -> !edits.isEmpty()).getFirst();
        String last = messageIds.substring(messageIds.lastIndexOf(',') + 1);
        assertThat(edit.params().path("message_id").asInt()).as("the message with the buttons").isEqualTo(Integer.parseInt(last));
        assertThat(edit.text()).startsWith("Card " + key + ": REJECTED");
        assertThat(edit.buttonIds()).containsExactly("h-" + key);
        assertThat(sentOf(chat, "editMessageCaption")).as("the bare photo has no caption to edit").isEmpty();
    }

    @Test
    void aDeliveredTextIsEditedAsText() {
        long chat = IDS.incrementAndGet();
        String key = "revise-text:" + chat;
        long row = insertSent(chat, key, "9101");
        long untouched = jdbc.queryForObject("""
                insert into delivery (event_key, destination_id, kind, payload, status, attempts, message_ids, sent_at)
                values (?, ?, ?, '{"photo":false}'::jsonb, 'SENT', 1, '9100', now()) returning id""",
                Long.class, "revise-other:" + chat, destinationOf(chat), KIND);
        STATES.put(key, "EXPIRED");

        assertThat(notifications.revise(KIND, key)).isEqualTo(1);

        StubBotApi.Call edit = await().atMost(WAIT).until(() -> sentOf(chat, "editMessageText"), edits -> !edits.isEmpty()).getFirst();
        assertThat(edit.params().path("message_id").asInt()).isEqualTo(9101);
        assertThat(edit.text()).isEqualTo("Card " + key + ": EXPIRED");
        assertThat(edit.buttonIds()).containsExactly("h-" + key);
        await().atMost(WAIT).until(() -> served(key));
        assertThat(jdbc.queryForObject("select status from delivery where id = ?", String.class, row)).isEqualTo("SENT");
        assertThat(jdbc.queryForObject("select claimed_by is null and revised_at is null from delivery where id = ?", Boolean.class, untouched))
                .as("a copy nobody asked to revise is left alone").isTrue();
        assertThat(sentOf(chat, "editMessageText")).hasSize(1);
        assertThat(notifications.revise(KIND, "no-such-key:" + chat)).as("an unknown key marks nothing").isZero();
    }

    @Test
    void floodControlOnAnEditIsRetriedNotLost() {
        long chat = IDS.incrementAndGet();
        String key = "revise-flood:" + chat;
        insertSent(chat, key, "9202");
        TELEGRAM.plan("editMessageText", Long.toString(chat), 429,
                "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\",\"parameters\":{\"retry_after\":1}}");
        STATES.put(key, "APPROVED");

        assertThat(notifications.revise(KIND, key)).isEqualTo(1);

        List<StubBotApi.Call> edits = await().atMost(WAIT).until(() -> sentOf(chat, "editMessageText"),
                calls -> calls.stream().anyMatch(call -> call.status() == 200));
        assertThat(edits).extracting(StubBotApi.Call::status).containsExactly(429, 200);
        assertThat(Duration.between(edits.get(0).at(), edits.get(1).at())).as("after the wait Telegram named")
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));
        await().atMost(WAIT).until(() -> served(key));
    }

    @Test
    void aRefusedEditIsGivenUpWithItsReason() {
        long chat = IDS.incrementAndGet();
        String key = "revise-refused:" + chat;
        long row = insertSent(chat, key, "9303");
        TELEGRAM.plan("editMessageText", Long.toString(chat), 400,
                "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: message to edit not found\"}");
        STATES.put(key, "SUPERSEDED");

        assertThat(notifications.revise(KIND, key)).isEqualTo(1);

        await().atMost(WAIT).until(() -> served(key));
        assertThat(jdbc.queryForObject("select last_error from delivery where id = ?", String.class, row))
                .startsWith("not revised: ").contains("message to edit not found");
        assertThat(sentOf(chat, "editMessageText")).hasSize(1);
    }

    @Test
    void aPendingCopyRendersTheNewStateWhenSentAndNeedsNoEdit() {
        long chat = IDS.incrementAndGet();
        long user = telegramUser(chat);
        String key = "revise-pending:" + chat;
        long destination = destinationOf(chat);
        STATES.put(key, "PROPOSED");
        long row = jdbc.queryForObject("""
                insert into delivery (event_key, destination_id, kind, payload, next_attempt_at)
                values (?, ?, ?, '{"photo":true}'::jsonb, now() + interval '1 hour') returning id""", Long.class, key, destination, KIND);

        STATES.put(key, "APPROVED");
        assertThat(notifications.revise(KIND, key)).isEqualTo(1);
        jdbc.update("update delivery set next_attempt_at = now() where id = ?", row);

        await().atMost(WAIT).until(() -> messageIds(key), ids -> ids != null);
        assertThat(sentOf(chat, "sendPhoto").getFirst().text()).isEqualTo("Card " + key + ": APPROVED");
        assertThat(served(key)).as("its send rendered after the request: served without an edit").isTrue();
        assertThat(user).isPositive();
    }

    @Test
    void aCopyMarkedWhileBeingSentIsEditedOnceRecordedSent() {
        long chat = IDS.incrementAndGet();
        telegramUser(chat);
        String key = "revise-inflight:" + chat;
        long destination = destinationOf(chat);
        STATES.put(key, "PROPOSED");
        // another instance claimed and rendered it (PROPOSED) and is sending it now
        long row = jdbc.queryForObject("""
                insert into delivery (event_key, destination_id, kind, payload, claimed_by, claimed_until)
                values (?, ?, ?, '{"photo":false}'::jsonb, ?, now() + interval '1 minute') returning id""",
                Long.class, key, destination, KIND, OTHER);

        STATES.put(key, "APPROVED");
        assertThat(notifications.revise(KIND, key)).isEqualTo(1);
        outbox.sent(row(row, key, destination), OTHER, "9404", Instant.now());

        StubBotApi.Call edit = await().atMost(WAIT).until(() -> sentOf(chat, "editMessageText"), edits -> !edits.isEmpty()).getFirst();
        assertThat(edit.params().path("message_id").asInt()).isEqualTo(9404);
        assertThat(edit.text()).isEqualTo("Card " + key + ": APPROVED");
        await().atMost(WAIT).until(() -> served(key));
    }

    @Test
    void aRequestMadeWhileAnEditIsUnderWayIsServedAgain() {
        long chat = IDS.incrementAndGet();
        String key = "revise-again:" + chat;
        long row = insertSent(chat, key, "9505");
        // another instance holds the copy to edit it for the first request
        jdbc.update("update delivery set claimed_by = ?, claimed_until = now() + interval '1 minute' where id = ?", OTHER, row);
        STATES.put(key, "APPROVED");
        notifications.revise(KIND, key);
        Instant first = requestedAt(row);

        STATES.put(key, "EXECUTED");
        notifications.revise(KIND, key);
        assertThat(requestedAt(row)).as("a later request is always later").isAfter(first);
        outbox.revised(new Revision(row(row, key, destinationOf(chat)), "9505", first, 0), OTHER, Instant.now(), null);

        StubBotApi.Call edit = await().atMost(WAIT).until(() -> sentOf(chat, "editMessageText"), edits -> !edits.isEmpty()).getFirst();
        assertThat(edit.text()).isEqualTo("Card " + key + ": EXECUTED");
        await().atMost(WAIT).until(() -> served(key));
    }

    @Test
    void theRequestIsPartOfTheCallersTransaction() {
        long chat = IDS.incrementAndGet();
        String key = "revise-tx:" + chat;
        // held by another instance, so the worker leaves it alone whatever happens
        long row = insertSent(chat, key, "9606");
        jdbc.update("update delivery set claimed_by = ?, claimed_until = now() + interval '1 minute' where id = ?", OTHER, row);
        var transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);

        transactions.executeWithoutResult(status -> {
            assertThat(notifications.revise(KIND, key)).isEqualTo(1);
            status.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject("select revise_requested_at is null from delivery where id = ?", Boolean.class, row))
                .as("rolled back with the change it was to show").isTrue();

        transactions.executeWithoutResult(status -> notifications.revise(KIND, key));
        assertThat(jdbc.queryForObject("select revise_requested_at is not null from delivery where id = ?", Boolean.class, row)).isTrue();
        jdbc.update("update delivery set claimed_by = null, claimed_until = null where id = ?", row);
        await().atMost(WAIT).until(() -> served(key));
    }

    private int send(String key, long user, Map<String, Object> payload) {
        return notifications.send(new Notification(KIND, key, new Audience.User(user), Urgency.NORMAL, payload,
                Instant.now().plus(Duration.ofHours(1))));
    }

    /** A copy already delivered as a text (message {@code messageId}) to a new private chat; returns its row. */
    private long insertSent(long chat, String key, String messageId) {
        telegramUser(chat);
        return jdbc.queryForObject("""
                insert into delivery (event_key, destination_id, kind, payload, status, attempts, message_ids, sent_at)
                values (?, ?, ?, '{"photo":false}'::jsonb, 'SENT', 1, ?, now()) returning id""",
                Long.class, key, destinationOf(chat), KIND, messageId);
    }

    private static Delivery row(long id, String key, long destination) {
        return new Delivery(id, key, new ChatDestination(destination, Platform.TELEGRAM, "0", false, true), KIND, "{}", false, 0,
                Instant.now().plusSeconds(600));
    }

    /** The chat's destination (made on first use, as a notification to its user makes it). */
    private long destinationOf(long chat) {
        return jdbc.queryForObject("""
                insert into chat_destination (platform, chat_id, is_group) values ('TELEGRAM', ?, false)
                on conflict (platform, chat_id) do update set is_group = chat_destination.is_group returning id""", Long.class,
                Long.toString(chat));
    }

    private Instant requestedAt(long row) {
        return jdbc.queryForObject("select revise_requested_at from delivery where id = ?", Timestamp.class, row).toInstant();
    }

    /** Every copy of the key shows its newest request (edited, given up, or rendered after it). */
    private boolean served(String key) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select bool_and(revise_requested_at is not null and revised_at = revise_requested_at and claimed_by is null)
                  from delivery where event_key = ?""", Boolean.class, key));
    }

    private String messageIds(String key) {
        return jdbc.query("select message_ids from delivery where event_key = ? and status = 'SENT'",
                row -> row.next() ? row.getString(1) : null, key);
    }

    private static List<StubBotApi.Call> sentOf(long chat, String method) {
        return TELEGRAM.calls(method).stream().filter(call -> call.chatId().equals(Long.toString(chat))).toList();
    }

    private long telegramUser(long chat) {
        TELEGRAM.message(chat, chat, "en", "/start");
        await().atMost(WAIT).until(() -> TELEGRAM.calls("sendMessage").stream()
                .anyMatch(call -> call.chatId().equals(Long.toString(chat)) && call.text().startsWith("Welcome to SignalDesk")));
        return jdbc.queryForObject("select user_id from chat_identity where platform = 'TELEGRAM' and external_id = ?", Long.class,
                Long.toString(chat));
    }
}
