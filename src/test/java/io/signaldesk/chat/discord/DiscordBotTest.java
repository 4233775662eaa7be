package io.signaldesk.chat.discord;

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
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The Discord bot end to end: the service's own Discord adapter (JDA 6.5, its gateway connection, the
 * listener, the command registration, the sender) against {@link StubDiscord}, with the real dispatcher,
 * commands, outbox and database. Slash commands registered with their Vietnamese localizations;
 * /subscribe deferred and answered by a follow-up; a signal delivered with its chart to a server channel
 * and to a DM; a press answered privately; a 429 honoured; a channel the bot lost paused.
 */
@IntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DiscordBotTest {

    private static final String TOKEN = "stub.discord.bot-token";
    private static final StubDiscord DISCORD = new StubDiscord(TOKEN);
    private static final AtomicLong USERS = new AtomicLong(310000000000000000L + System.nanoTime() % 1_000_000_000L);
    private static final TestSignals.Levels BUY = new TestSignals.Levels(Action.BUY, 0.72, "64000", "63000", "66000", "trend up");
    private static final String FOLLOW_UPS = "/api/v10/webhooks/" + StubDiscordRest.BOT_ID + "/[^/]+";
    private static final int EPHEMERAL = 1 << 6;

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
    @Autowired
    DiscordConnection connection;

    @DynamicPropertySource
    static void discord(DynamicPropertyRegistry registry) {
        registry.add("signaldesk.chat.discord-bot-token", () -> TOKEN);
        registry.add("signaldesk.chat.discord-api-url", DISCORD::apiUrl);
        registry.add("signaldesk.chat.discord-guild-id", () -> StubDiscord.GUILD_ID);
        registry.add("signaldesk.notifications.poll-interval", () -> "100ms");
    }

    /** The bot leads once its listener is attached: an interaction sent before then would find nobody listening. */
    @BeforeEach
    void connected() {
        await().atMost(Duration.ofSeconds(30)).until(connection::leading);
    }

    @AfterAll
    static void stop() {
        DISCORD.close();
    }

    @Test
    void theCatalogIsRegisteredOnTheServerAsSlashCommandsWithVietnameseLocalizations() {
        StubDiscordRest.Body registration = await().atMost(Duration.ofSeconds(30)).until(() -> DISCORD.rest()
                .bodies("PUT", "/api/v10/applications/" + StubDiscordRest.BOT_ID + "/guilds/" + StubDiscord.GUILD_ID + "/commands").stream()
                .filter(body -> body.status() == 200).findFirst().orElse(null), body -> body != null);

        JsonNode commands = registration.tree();
        List<String> names = commands.valueStream().map(command -> command.path("name").asString()).toList();
        assertThat(names).contains("start", "help", "subscribe", "subscriptions");
        JsonNode subscribe = commands.valueStream().filter(command -> command.path("name").asString().equals("subscribe")).findFirst().orElseThrow();
        assertThat(subscribe.path("description").asString()).startsWith("Subscribe to signals");
        assertThat(subscribe.path("description_localizations").path("vi").asString()).startsWith("Đăng ký nhận tín hiệu");
        assertThat(subscribe.path("options").valueStream().map(option -> option.path("name").asString()).toList())
                .containsExactly("exchange", "pair", "timeframes", "bot");
        assertThat(subscribe.path("options").get(1).path("description_localizations").path("vi").asString()).startsWith("Cặp giao dịch");
        assertThat(DISCORD.gateway().identifies()).isEqualTo(1);
    }

    @Test
    void subscribeInAServerChannelIsDeferredThenAnsweredPrivatelyAndItsSignalArrivesWithTheChartAndAPressIsAnsweredPrivately() {
        String channel = StubDiscord.channel(2);
        String admin = DISCORD.admin(Long.toString(USERS.incrementAndGet()));
        String token = DISCORD.slash(admin, channel, "en-US", "subscribe", Map.of("exchange", "sim", "pair", "BTC/USDT", "timeframes", "1h"));

        JsonNode deferred = callback(token);
        assertThat(deferred.path("type").asInt()).as("deferred: DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE").isEqualTo(5);
        assertThat(deferred.path("data").path("flags").asInt()).isEqualTo(EPHEMERAL);
        JsonNode answer = followUp(token, "Subscribed to Futures Signals");
        assertThat(answer.path("flags").asInt() & EPHEMERAL).as("only the writer sees it").isEqualTo(EPHEMERAL);

        issueSignal(channel);
        StubDiscordRest.Body signal = delivered(channel);
        assertThat(description(signal.tree())).contains("Signal: BUY").contains("BTC/USDT").contains("Entry: 64000");
        assertThat(signal.files()).hasSize(1);
        assertThat(signal.tree().path("embeds").get(0).path("image").path("url").asString()).isEqualTo("attachment://" + signal.files().getFirst());
        List<String> buttons = signal.tree().path("components").findValuesAsString("custom_id");
        assertThat(buttons).hasSize(2);

        String press = DISCORD.press(admin, channel, "en-US", "400000000000000999", buttons.getFirst());
        assertThat(callback(press).path("type").asInt()).as("DEFERRED_UPDATE_MESSAGE").isEqualTo(6);
        JsonNode taken = followUp(press, "Paper position #");
        assertThat(description(taken)).contains("LONG BTC/USDT at 64000");
        assertThat(taken.path("flags").asInt() & EPHEMERAL).as("an answer to a press in a server is for the presser only").isEqualTo(EPHEMERAL);
    }

    @Test
    void subscribeInADmIsAnsweredInVietnameseAndItsSignalArrivesInTheDmWithTheChartAndAPressIsAnsweredThere() {
        String user = Long.toString(USERS.incrementAndGet());
        String token = DISCORD.slash(user, null, "vi", "subscribe", Map.of("exchange", "sim", "pair", "BTC/USDT", "timeframes", "1h"));
        assertThat(callback(token).path("type").asInt()).isEqualTo(5);
        assertThat(description(followUp(token, ""))).startsWith("Đã đăng ký");

        issueSignal(user);

        StubDiscordRest.Body signal = delivered(DISCORD.rest().openDm(user));
        assertThat(signal.files()).hasSize(1);
        assertThat(signal.tree().path("embeds").get(0).path("image").path("url").asString()).startsWith("attachment://");

        String press = DISCORD.press(user, null, "en-US", "400000000000000998", signal.tree().path("components").findValuesAsString("custom_id").getFirst());
        JsonNode noted = followUp(press, "Đã ghi nhận: bạn vào lệnh BUY BTC/USDT tại 64000");
        assertThat(noted.path("flags").asInt() & EPHEMERAL).as("an acknowledgement (a notice) is private even in a DM").isEqualTo(EPHEMERAL);
        JsonNode taken = followUp(press, "Đã mở vị thế giấy #");
        assertThat(taken.path("flags").asInt() & EPHEMERAL).as("in a DM the answer is an ordinary message, with its own buttons").isZero();
        assertThat(taken.path("components").findValuesAsString("custom_id")).isNotEmpty();
    }

    @Test
    void a429OnAChannelMessageIsWaitedOutAndTheSignalSentOnce() {
        String channel = StubDiscord.channel(3);
        subscribe(channel);
        int limitedBefore = DISCORD.rest().rateLimited();
        DISCORD.rest().holdChannel(channel, 1_500);

        long signal = issueSignal(channel);

        delivered(channel);
        await().atMost(Duration.ofSeconds(10)).until(
                () -> jdbc.queryForObject("select status from delivery where event_key = ?", String.class, "signal:" + signal), "SENT"::equals);
        assertThat(DISCORD.rest().rateLimited() - limitedBefore).isGreaterThanOrEqualTo(1);
        assertThat(DISCORD.rest().created(channel)).isEqualTo(1);
    }

    @Test
    void aChannelTheBotCanNoLongerSeeIsLostAndItsSubscriptionsPaused() {
        String channel = StubDiscord.channel(4);
        subscribe(channel);
        DISCORD.rest().plan("POST", "/api/v10/channels/" + channel + "/messages", 5, 403, "{\"message\":\"Missing Access\",\"code\":50001}");

        long signal = issueSignal(channel);

        await().atMost(Duration.ofSeconds(15)).until(() -> "DROPPED".equals(
                jdbc.queryForObject("select status from delivery where event_key = ?", String.class, "signal:" + signal)));
        assertThat(jdbc.queryForObject("select active from chat_destination where platform = 'DISCORD' and chat_id = ?", Boolean.class,
                channel)).isFalse();
        assertThat(jdbc.queryForList("select s.status from subscription s join chat_destination d on d.id = s.destination_id"
                + " where d.platform = 'DISCORD' and d.chat_id = ?", String.class, channel)).containsExactly("PAUSED");
        assertThat(DISCORD.rest().created(channel)).isZero();
    }

    private void subscribe(String channel) {
        String admin = DISCORD.admin(Long.toString(USERS.incrementAndGet()));
        String token = DISCORD.slash(admin, channel, "en-US", "subscribe", Map.of("exchange", "sim", "pair", "BTC/USDT", "timeframes", "1h"));
        assertThat(description(followUp(token, ""))).startsWith("Subscribed to Futures Signals");
    }

    private long issueSignal(String chat) {
        refresh.refresh(java.util.Set.of(markets.series(ExchangeId.SIM, Symbol.parse("BTC/USDT"), Timeframe.parse("1h").orElseThrow())));
        TestSignals signals = new TestSignals(jdbc, transactions, events);
        return signals.issue(signals.subscriptionIn("DISCORD", chat, "BTC/USDT"), BUY);
    }

    private static JsonNode callback(String token) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> DISCORD.rest().bodies("POST", "/api/v10/interactions/\\d+/" + token + "/callback")
                .stream().findFirst().map(StubDiscordRest.Body::tree).orElse(null), body -> body != null);
    }

    /** The first follow-up to an interaction whose embed starts with {@code startsWith}. */
    private static JsonNode followUp(String token, String startsWith) {
        try {
            return followUpOrThrow(token, startsWith);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no follow-up starting with '" + startsWith + "'; the stub got " + DISCORD.rest().bodies(".*", ".*" + token + ".*")
                    + "; gateway connections open " + DISCORD.gateway().openConnections() + ", IDENTIFYs " + DISCORD.gateway().identifies()
                    + ", RESUMEs " + DISCORD.gateway().resumes(), e);
        }
    }

    private static JsonNode followUpOrThrow(String token, String startsWith) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> DISCORD.rest().bodies("POST", FOLLOW_UPS.replace("[^/]+", token)).stream()
                .map(StubDiscordRest.Body::tree).filter(body -> description(body).startsWith(startsWith)).findFirst().orElse(null), body -> body != null);
    }

    private static String description(JsonNode message) {
        return message.path("embeds").path(0).path("description").asString(message.path("content").asString(""));
    }

    /** The first message the stub created in a channel. */
    private static StubDiscordRest.Body delivered(String channel) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> DISCORD.rest().bodies("POST", "/api/v10/channels/" + channel + "/messages")
                .stream().filter(body -> body.status() == 200 && !body.files().isEmpty()).findFirst().orElse(null), body -> body != null);
    }
}
