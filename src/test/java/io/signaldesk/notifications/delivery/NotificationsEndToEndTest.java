package io.signaldesk.notifications.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.signaldesk.IntegrationTest;
import io.signaldesk.chat.ChatDestination;
import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.telegram.StubBotApi;
import io.signaldesk.notifications.Audience;
import io.signaldesk.notifications.BotAudience;
import io.signaldesk.notifications.EventTypes;
import io.signaldesk.notifications.Notification;
import io.signaldesk.notifications.NotificationKind;
import io.signaldesk.notifications.Notifications;
import io.signaldesk.notifications.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * {@link Notifications#send} end to end: a kind registered only in this test's configuration ({@value #KIND}, event type
 * {@code news}) goes out through the real outbox workers, to Telegram (the real client against {@link StubBotApi}) and
 * to a Discord webhook (the real sender against a WireMock stub); a Discord private chat gets its row, which no sender
 * claims here (no Discord bot token in tests). Urgency against a chat's {@code /notify} choice, the operators and a
 * bot's subscribers as audiences, and an unknown kind refused.
 */
@IntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(NotificationsEndToEndTest.TestKindConfiguration.class)
class NotificationsEndToEndTest {

    static final String KIND = "TEST_KIND";
    private static final String TOKEN = "234567:TEST-notifications";
    private static final String WEBHOOK_ID = "223456789012345678";
    private static final String WEBHOOK_TOKEN = "notificationswebhooktoken_0123456789";
    private static final AtomicLong IDS = new AtomicLong(750_000_000L + System.nanoTime() % 100_000_000L);
    private static final long OPERATOR_ONE = IDS.incrementAndGet();
    private static final long OPERATOR_TWO = IDS.incrementAndGet();
    private static final StubBotApi TELEGRAM = StubBotApi.started(TOKEN);
    private static final WireMockServer DISCORD = new WireMockServer(options().dynamicPort());

    static {
        DISCORD.start();
        DISCORD.stubFor(post(urlPathEqualTo("/api/webhooks/" + WEBHOOK_ID + "/" + WEBHOOK_TOKEN))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"id\":\"4242\"}")));
    }

    /** The new kind, known to this context only: adding a kind is adding a bean. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TestKindConfiguration {

        @Bean
        NotificationKind testKind(JsonMapper json) {
            return new NotificationKind() {
                @Override
                public String kind() {
                    return KIND;
                }

                @Override
                public String eventType() {
                    return EventTypes.NEWS;
                }

                @Override
                public Reply render(Rendering rendering) {
                    return new Reply.Text("\uD83E\uDDEA " + json.readTree(rendering.payload()).path("text").asString() + " ("
                            + rendering.destination().platform() + ")");
                }
            };
        }
    }

    @Autowired
    Notifications notifications;
    @Autowired
    BotAudience botAudience;
    @Autowired
    ChatDestinations destinations;
    @Autowired
    DeliveryMessages messages;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void stubs(DynamicPropertyRegistry registry) {
        registry.add("signaldesk.chat.telegram-bot-token", () -> TOKEN);
        registry.add("signaldesk.chat.telegram.api-url", TELEGRAM::url);
        registry.add("signaldesk.chat.telegram.poll-timeout", () -> "1s");
        registry.add("signaldesk.notifications.poll-interval", () -> "100ms");
        registry.add("signaldesk.chat.discord-webhook-base-url", () -> DISCORD.baseUrl() + "/api/webhooks");
        registry.add("signaldesk.secrets.key", () -> "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        registry.add("signaldesk.operators", () -> "telegram:" + OPERATOR_ONE + ", telegram:" + OPERATOR_TWO);
    }

    @AfterAll
    static void stop() {
        TELEGRAM.close();
        DISCORD.stop();
    }

    @Test
    void aKindRegisteredOnlyHereReachesTelegramADiscordWebhookAndWaitsForADiscordBot() {
        long chat = IDS.incrementAndGet();
        long user = telegramUser(chat);
        String discordId = Long.toString(IDS.incrementAndGet());
        jdbc.update("insert into chat_identity (user_id, platform, external_id) values (?, 'DISCORD', ?)", user, discordId);
        ChatDestination webhook = destinations.webhook(WEBHOOK_ID, WEBHOOK_TOKEN);
        String key = "test-kind:" + chat;

        assertThat(send(key, new Audience.User(user), Urgency.NORMAL, "hello user")).as("the Telegram and the Discord private chat").isEqualTo(2);
        assertThat(send(key, new Audience.User(user), Urgency.NORMAL, "hello user")).as("the same key again adds nothing").isZero();
        assertThat(send(key, new Audience.Chat(webhook.id()), Urgency.NORMAL, "hello webhook")).isEqualTo(1);

        StubBotApi.Call telegram = sentTo(chat, "\uD83E\uDDEA hello user (TELEGRAM)");
        assertThat(silent(telegram)).isFalse();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> DISCORD.verify(1,
                postRequestedFor(urlPathEqualTo("/api/webhooks/" + WEBHOOK_ID + "/" + WEBHOOK_TOKEN))
                        .withRequestBody(containing("\uD83E\uDDEA hello webhook (DISCORD_WEBHOOK)"))));
        await().atMost(Duration.ofSeconds(10)).until(() -> status(key, webhook.id()), "SENT"::equals);

        long discordChat = destinations.privateChatOf(Platform.DISCORD, discordId).id();
        assertThat(status(key, discordChat)).as("no Discord bot sender runs in tests: the row waits").isEqualTo("PENDING");
        ChatDestination discord = destinations.find(discordChat).orElseThrow();
        Delivery waiting = jdbc.queryForObject(
                "select id, payload::text as payload, expires_at from delivery where event_key = ? and destination_id = ?",
                (row, i) -> new Delivery(row.getLong("id"), key, discord, KIND, row.getString("payload"), false, 0,
                        row.getTimestamp("expires_at").toInstant()), key, discordChat);
        assertThat(messages.render(waiting, Instant.now())).isEqualTo(new Reply.Text("\uD83E\uDDEA hello user (DISCORD)"));
    }

    @Test
    void urgentSoundsInASilentChatNormalDoesNotAndOffGetsNothingEitherWay() {
        long chat = IDS.incrementAndGet();
        long user = telegramUser(chat);
        TELEGRAM.message(chat, chat, "en", "/notify news silent");
        reply(chat, "news are now silent");

        send("silent-normal:" + chat, new Audience.User(user), Urgency.NORMAL, "normal in silent");
        send("silent-urgent:" + chat, new Audience.User(user), Urgency.URGENT, "urgent in silent");

        assertThat(silent(sentTo(chat, "\uD83E\uDDEA normal in silent"))).isTrue();
        assertThat(silent(sentTo(chat, "\uD83E\uDDEA urgent in silent"))).as("urgent ignores silent").isFalse();

        TELEGRAM.message(chat, chat, "en", "/notify news off");
        reply(chat, "news are now off");
        assertThat(send("off-normal:" + chat, new Audience.User(user), Urgency.NORMAL, "normal in off")).isZero();
        assertThat(send("off-urgent:" + chat, new Audience.User(user), Urgency.URGENT, "urgent in off")).as("urgent never overrides off").isZero();
        assertThat(jdbc.queryForObject("select count(*) from delivery where event_key in (?, ?)", Integer.class, "off-normal:" + chat,
                "off-urgent:" + chat)).isZero();
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> true);
        assertThat(TELEGRAM.calls("sendMessage")).noneMatch(call -> call.text().contains(" in off"));
    }

    @Test
    void theOperatorsAreReachedInTheirPrivateChatsOnceEach() {
        String key = "operators:" + System.nanoTime();

        assertThat(send(key, new Audience.Operators(), Urgency.URGENT, "to the operators")).isEqualTo(2);
        assertThat(send(key, new Audience.Operators(), Urgency.URGENT, "to the operators")).isZero();

        assertThat(jdbc.queryForList("select c.chat_id from delivery d join chat_destination c on c.id = d.destination_id"
                + " where d.event_key = ? order by c.chat_id", String.class, key))
                .containsExactlyInAnyOrder(Long.toString(OPERATOR_ONE), Long.toString(OPERATOR_TWO));
        sentTo(OPERATOR_ONE, "\uD83E\uDDEA to the operators");
        sentTo(OPERATOR_TWO, "\uD83E\uDDEA to the operators");
    }

    @Test
    void aBotsSubscribersAreTheChatsItsLiveSubscriptionsDeliverToOnceEach() {
        String bot = "notify-" + System.nanoTime() % 1_000_000_000L;
        long template = jdbc.queryForObject("insert into bot_template (code, name, bot_type, default_timeframes)"
                + " values (?, 'Notify', 'SIGNALS_FUTURES', '{1h}') returning id", Long.class, bot);
        long owner = jdbc.queryForObject("insert into app_user default values returning id", Long.class);
        long twice = group();
        long madeHere = group();
        long channel = group();
        long cancelled = group();
        subscribe(owner, twice, null, template, "BTC/USDT", "ACTIVE");
        subscribe(owner, twice, null, template, "ETH/USDT", "PAUSED");
        subscribe(owner, madeHere, channel, template, "BTC/USDT", "ACTIVE");
        subscribe(owner, cancelled, null, template, "BTC/USDT", "CANCELLED");
        subscribe(owner, cancelled, null, jdbc.queryForObject("select id from bot_template where code = 'futures-signals'", Long.class),
                "BTC/USDT", "ACTIVE");

        assertThat(botAudience.destinationsOf(template)).containsExactlyInAnyOrder(twice, channel);
        String key = "bot-news:" + template;
        assertThat(send(key, new Audience.BotSubscribers(template), Urgency.NORMAL, "bot news")).isEqualTo(2);
        assertThat(jdbc.queryForList("select destination_id from delivery where event_key = ?", Long.class, key))
                .containsExactlyInAnyOrder(twice, channel);
    }

    @Test
    void anUnknownKindIsRefusedAndWritesNothing() {
        long user = jdbc.queryForObject("insert into app_user default values returning id", Long.class);
        jdbc.update("insert into chat_identity (user_id, platform, external_id) values (?, 'TELEGRAM', ?)", user, Long.toString(IDS.incrementAndGet()));
        String key = "unknown:" + user;

        assertThatThrownBy(() -> notifications.send(new Notification("NO_SUCH_KIND", key, new Audience.User(user), Urgency.URGENT,
                Map.of("text", "x"), Instant.now().plusSeconds(3600))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NO_SUCH_KIND");
        assertThat(jdbc.queryForObject("select count(*) from delivery where event_key = ?", Integer.class, key)).isZero();
    }

    private int send(String key, Audience audience, Urgency urgency, String text) {
        return notifications.send(new Notification(KIND, key, audience, urgency, Map.of("text", text), Instant.now().plus(Duration.ofHours(1))));
    }

    /** A Telegram user who said /start in their private chat; their user id. */
    private long telegramUser(long chat) {
        TELEGRAM.message(chat, chat, "en", "/start");
        reply(chat, "Welcome to SignalDesk");
        return jdbc.queryForObject("select user_id from chat_identity where platform = 'TELEGRAM' and external_id = ?", Long.class,
                Long.toString(chat));
    }

    private long group() {
        return jdbc.queryForObject("insert into chat_destination (platform, chat_id, is_group) values ('TELEGRAM', ?, true) returning id",
                Long.class, Long.toString(-IDS.incrementAndGet()));
    }

    private void subscribe(long user, long destination, Long deliverTo, long template, String pair, String status) {
        jdbc.update("""
                insert into subscription (user_id, destination_id, deliver_to_id, bot_template_id, exchange, primary_pair, timeframes, status)
                values (?, ?, ?, ?, 'sim', ?, '{1h}', ?)""", user, destination, deliverTo, template, pair, status);
    }

    private String status(String key, long destination) {
        return jdbc.queryForObject("select status from delivery where event_key = ? and destination_id = ?", String.class, key, destination);
    }

    private static boolean silent(StubBotApi.Call call) {
        return "true".equals(call.params().path("disable_notification").asString("false"));
    }

    private static StubBotApi.Call reply(long chat, String startsWith) {
        return sentTo(chat, startsWith);
    }

    private static StubBotApi.Call sentTo(long chat, String startsWith) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> TELEGRAM.calls("sendMessage").stream()
                .filter(call -> call.chatId().equals(Long.toString(chat)) && call.text().startsWith(startsWith))
                .findFirst().orElse(null), call -> call != null);
    }
}
