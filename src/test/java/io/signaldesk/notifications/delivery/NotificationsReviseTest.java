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
 * {@link Notifications#revise} end to end through the real TelegramBots client against {@link StubBotApi}: a photo
 * notification of a test kind is delivered, its state changes, revise edits the delivered copy's caption and buttons
 * ({@code editMessageCaption}) on the message it took; a text one is edited with {@code editMessageText}; a copy not
 * yet sent and a platform refusal are not counted.
 */
@IntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(NotificationsReviseTest.RevisedKindConfiguration.class)
class NotificationsReviseTest {

    static final String KIND = "TEST_REVISED";
    private static final String TOKEN = "345678:TEST-revise";
    private static final AtomicLong IDS = new AtomicLong(760_000_000L + System.nanoTime() % 100_000_000L);
    private static final StubBotApi TELEGRAM = StubBotApi.started(TOKEN);
    /** What each event key's card says now (the "state" a renderer reads at send and revise time). */
    static final Map<String, String> STATES = new ConcurrentHashMap<>();
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

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
                    String caption = "Card " + rendering.key() + ": " + state;
                    return json.readTree(rendering.payload()).path("photo").asBoolean()
                            ? new Reply.Photo(PNG, caption, buttons) : new Reply.Text(caption, buttons);
                }
            };
        }
    }

    @Autowired
    Notifications notifications;
    @Autowired
    JdbcTemplate jdbc;

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
    void aDeliveredPhotoHasItsCaptionAndButtonsEditedInPlace() {
        long chat = IDS.incrementAndGet();
        long user = telegramUser(chat);
        String key = "revise-photo:" + chat;
        STATES.put(key, "PROPOSED");
        assertThat(send(key, user, true)).isEqualTo(1);
        StubBotApi.Call photo = await().atMost(Duration.ofSeconds(10)).until(() -> TELEGRAM.calls("sendPhoto").stream()
                .filter(call -> call.chatId().equals(Long.toString(chat))).findFirst().orElse(null), call -> call != null);
        assertThat(photo.buttonIds()).containsExactly("a-" + key, "r-" + key);
        String messageId = await().atMost(Duration.ofSeconds(10)).until(() -> messageIds(key), ids -> ids != null);

        STATES.put(key, "APPROVED");
        int edited = notifications.revise(KIND, key);

        assertThat(edited).isEqualTo(1);
        StubBotApi.Call edit = editsOf(chat, "editMessageCaption").getFirst();
        assertThat(edit.params().path("message_id").asInt()).isEqualTo(Integer.parseInt(messageId));
        assertThat(edit.text()).isEqualTo("Card " + key + ": APPROVED");
        assertThat(edit.buttonIds()).containsExactly("h-" + key);
        assertThat(editsOf(chat, "editMessageText")).as("a photo's caption, not a text").isEmpty();
        assertThat(TELEGRAM.calls("sendPhoto").stream().filter(call -> call.chatId().equals(Long.toString(chat)))).as("nothing new sent").hasSize(1);
    }

    @Test
    void aDeliveredTextIsEditedAsText() {
        long chat = IDS.incrementAndGet();
        long user = telegramUser(chat);
        String key = "revise-text:" + chat;
        STATES.put(key, "PROPOSED");
        send(key, user, false);
        String messageId = await().atMost(Duration.ofSeconds(10)).until(() -> messageIds(key), ids -> ids != null);

        STATES.put(key, "EXPIRED");

        assertThat(notifications.revise(KIND, key)).isEqualTo(1);
        StubBotApi.Call edit = editsOf(chat, "editMessageText").getFirst();
        assertThat(edit.params().path("message_id").asInt()).isEqualTo(Integer.parseInt(messageId));
        assertThat(edit.text()).isEqualTo("Card " + key + ": EXPIRED");
        assertThat(edit.buttonIds()).containsExactly("h-" + key);
        assertThat(editsOf(chat, "editMessageCaption")).isEmpty();
    }

    @Test
    void copiesNotYetSentAndUnknownKeysNeedNothing() {
        long chat = IDS.incrementAndGet();
        long user = telegramUser(chat);
        String key = "revise-pending:" + chat;
        STATES.put(key, "PROPOSED");
        // held back: due only in an hour, so it is still PENDING when revised
        send(key, user, true);
        jdbc.update("update delivery set next_attempt_at = now() + interval '1 hour' where event_key = ?", key);

        assertThat(notifications.revise(KIND, key)).isZero();
        assertThat(notifications.revise(KIND, "no-such-key:" + chat)).isZero();
        assertThat(editsOf(chat, "editMessageCaption")).isEmpty();
    }

    @Test
    void aPlatformRefusalIsCountedOutNotThrown() {
        long chat = IDS.incrementAndGet();
        long user = telegramUser(chat);
        String key = "revise-refused:" + chat;
        STATES.put(key, "PROPOSED");
        send(key, user, false);
        await().atMost(Duration.ofSeconds(10)).until(() -> messageIds(key), ids -> ids != null);
        TELEGRAM.plan("editMessageText", Long.toString(chat), 400,
                "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: message to edit not found\"}");

        STATES.put(key, "SUPERSEDED");

        assertThat(notifications.revise(KIND, key)).isZero();
    }

    private int send(String key, long user, boolean photo) {
        return notifications.send(new Notification(KIND, key, new Audience.User(user), Urgency.NORMAL, Map.of("photo", photo),
                Instant.now().plus(Duration.ofHours(1))));
    }

    private String messageIds(String key) {
        return jdbc.query("select message_ids from delivery where event_key = ? and status = 'SENT'",
                row -> row.next() ? row.getString(1) : null, key);
    }

    private static List<StubBotApi.Call> editsOf(long chat, String method) {
        return TELEGRAM.calls(method).stream().filter(call -> call.chatId().equals(Long.toString(chat))).toList();
    }

    private long telegramUser(long chat) {
        TELEGRAM.message(chat, chat, "en", "/start");
        await().atMost(Duration.ofSeconds(10)).until(() -> TELEGRAM.calls("sendMessage").stream()
                .anyMatch(call -> call.chatId().equals(Long.toString(chat)) && call.text().startsWith("Welcome to SignalDesk")));
        return jdbc.queryForObject("select user_id from chat_identity where platform = 'TELEGRAM' and external_id = ?", Long.class,
                Long.toString(chat));
    }
}
