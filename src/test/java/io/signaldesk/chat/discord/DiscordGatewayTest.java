package io.signaldesk.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;

import io.signaldesk.IntegrationTest;
import io.signaldesk.chat.ChatDestination;
import io.signaldesk.chat.ChatTexts;
import io.signaldesk.chat.CommandCatalog;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.SendResult;
import io.signaldesk.chat.connection.ConnectionLocks;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The adapter's gateway connection against {@link StubDiscord}, built as the service builds it (see
 * DiscordConfiguration) with one lock client per instance: two instances hold one gateway session; a
 * dropped session is resumed; a refused token (4004) is told once and not retried; a 503 during command
 * registration is retried by JDA and the connection stays up; a burst to one channel is paced by JDA's
 * buckets without a 429.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DiscordGatewayTest {

    private static final String TOKEN = "stub.discord.gateway-token";
    private static final String COMMANDS = "/api/v10/applications/" + StubDiscordRest.BOT_ID + "/guilds/" + StubDiscord.GUILD_ID + "/commands";

    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    CommandCatalog catalog;
    @Autowired
    ChatTexts texts;

    @Test
    void twoInstancesHoldOneGatewaySession() throws Exception {
        String region = "test-" + UUID.randomUUID();
        try (StubDiscord discord = new StubDiscord(TOKEN)) {
            Instance first = new Instance(discord, region);
            Instance second = new Instance(discord, region);
            try {
                first.start();
                second.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> first.connection.leading() || second.connection.leading());
                await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);

                assertThat(List.of(first.connection.leading(), second.connection.leading())).containsExactlyInAnyOrder(true, false);
                assertThat(discord.gateway().identifies()).as("one IDENTIFY: one gateway session").isEqualTo(1);
                assertThat(discord.gateway().openConnections()).isEqualTo(1);
                assertThat(discord.gateway().heartbeats()).as("heartbeats sent and acknowledged").isPositive();
            } finally {
                first.stop();
                second.stop();
            }
        }
    }

    @Test
    void aSessionClosedWithAResumableCodeIsResumedWithoutANewIdentify() throws Exception {
        try (StubDiscord discord = new StubDiscord(TOKEN)) {
            Instance instance = new Instance(discord, "test-" + UUID.randomUUID());
            try {
                instance.start();
                await().atMost(Duration.ofSeconds(20)).until(instance.connection::leading);

                discord.gateway().closeAll(4000, "Unknown error");

                await().atMost(Duration.ofSeconds(20)).until(() -> discord.gateway().resumes() == 1);
                await().atMost(Duration.ofSeconds(5)).until(() -> discord.gateway().openConnections() == 1);
                assertThat(discord.gateway().identifies()).isEqualTo(1);
                assertThat(instance.connection.leading()).isTrue();

                String token = discord.slash(StubDiscord.OWNER, StubDiscord.channel(1), "en-US", "help", java.util.Map.of());
                await("the resumed session delivers interactions").atMost(Duration.ofSeconds(10))
                        .until(() -> !discord.rest().bodies("POST", "/api/v10/interactions/\\d+/" + token + "/callback").isEmpty());
            } finally {
                instance.stop();
            }
        }
    }

    @Test
    void aRefusedTokenIsToldOnceWithWhatToDoAndNotRetried(CapturedOutput output) throws Exception {
        try (StubDiscord discord = new StubDiscord(TOKEN)) {
            discord.gateway().rejectIdentify(true);
            Instance instance = new Instance(discord, "test-" + UUID.randomUUID());
            try {
                instance.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> output.getOut().contains("Discord refused DISCORD_BOT_TOKEN"));
                await().pollDelay(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(10)).until(() -> true);

                assertThat(discord.gateway().identifies()).as("no reconnect loop").isEqualTo(1);
                assertThat(output.getOut().lines().filter(line -> line.contains("Discord refused DISCORD_BOT_TOKEN"))).singleElement()
                        .asString().contains("4004").contains("Reset Token").contains("DISCORD_BOT_TOKEN");
                assertThat(instance.connection.leading()).isFalse();
                assertThat(instance.initiator.isRunning()).as("this instance stopped trying").isFalse();
            } finally {
                instance.stop();
            }
        }
    }

    @Test
    void aTokenRefusedAtLoginIsToldTheSameWayAndNotRetried(CapturedOutput output) throws Exception {
        try (StubDiscord discord = new StubDiscord(TOKEN)) {
            discord.rest().plan("GET", "/api/v10/users/@me", 100, 401, "{\"message\":\"401: Unauthorized\",\"code\":0}");
            Instance instance = new Instance(discord, "test-" + UUID.randomUUID());
            try {
                instance.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> output.getOut().contains("Discord refused DISCORD_BOT_TOKEN (the login"));
                await().pollDelay(Duration.ofSeconds(7)).atMost(Duration.ofSeconds(9)).until(() -> true);

                assertThat(discord.rest().bodies("GET", "/api/v10/users/@me")).as("one login, no retry loop").hasSize(1);
                assertThat(discord.gateway().connections()).isZero();
                assertThat(instance.initiator.isRunning()).isFalse();
            } finally {
                instance.stop();
            }
        }
    }

    @Test
    void withoutAServerIdTheCommandsAreRegisteredGlobally() throws Exception {
        try (StubDiscord discord = new StubDiscord(TOKEN)) {
            Instance instance = new Instance(discord, "test-" + UUID.randomUUID(), "");
            try {
                instance.start();

                StubDiscordRest.Body global = await().atMost(Duration.ofSeconds(20)).until(() -> discord.rest()
                        .bodies("PUT", "/api/v10/applications/" + StubDiscordRest.BOT_ID + "/commands").stream().findFirst().orElse(null),
                        body -> body != null);
                assertThat(global.status()).isEqualTo(200);
                assertThat(global.tree().valueStream().map(command -> command.path("name").asString())).contains("subscribe", "help");
                assertThat(discord.rest().bodies("PUT", COMMANDS)).isEmpty();
            } finally {
                instance.stop();
            }
        }
    }

    @Test
    void a503DuringCommandRegistrationIsRetriedAndTheConnectionStaysUp() throws Exception {
        try (StubDiscord discord = new StubDiscord(TOKEN)) {
            discord.rest().plan("PUT", COMMANDS, 2, 503, "{\"message\":\"Service Unavailable\",\"code\":0}");
            Instance instance = new Instance(discord, "test-" + UUID.randomUUID());
            try {
                instance.start();

                await().atMost(Duration.ofSeconds(30)).until(() -> discord.rest().bodies("PUT", COMMANDS).stream()
                        .anyMatch(body -> body.status() == 200));
                assertThat(discord.rest().bodies("PUT", COMMANDS)).extracting(StubDiscordRest.Body::status).containsExactly(503, 503, 200);
                assertThat(instance.connection.leading()).isTrue();
                assertThat(discord.gateway().identifies()).isEqualTo(1);
            } finally {
                instance.stop();
            }
        }
    }

    @Test
    void aBurstOfTenToOneServerChannelIsPacedByJdasBucketsWithoutA429() throws Exception {
        try (StubDiscord discord = new StubDiscord(TOKEN)) {
            Instance instance = new Instance(discord, "test-" + UUID.randomUUID());
            try {
                instance.start();
                await().atMost(Duration.ofSeconds(20)).until(instance.connection::leading);
                DiscordSender sender = new DiscordSender(instance.connection::jda);
                String channel = StubDiscord.channel(5);
                var destination = new ChatDestination(9, Platform.DISCORD, channel, true, true);

                List<SendResult> results = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    results.add(sender.send(destination, new Reply.Text("BUY BTC/USDT #" + i), false));
                }

                assertThat(results).allMatch(SendResult.Sent.class::isInstance);
                assertThat(discord.rest().created(channel)).isEqualTo(10);
                assertThat(discord.rest().rateLimited()).as("no 429 served: %d per %d ms", StubDiscordRest.PER_WINDOW,
                        StubDiscordRest.WINDOW_MILLIS).isZero();
            } finally {
                instance.stop();
            }
        }
    }

    /** What one SignalDesk instance builds for Discord (see DiscordConfiguration), with its own lock client id. */
    private final class Instance {
        final DiscordConnection connection;
        final LockRegistryLeaderInitiator initiator;

        Instance(StubDiscord discord, String region) {
            this(discord, region, StubDiscord.GUILD_ID);
        }

        Instance(StubDiscord discord, String region, String guildId) {
            var repository = new DefaultLockRepository(dataSource);
            repository.setRegion(region);
            repository.setTransactionManager(transactions);
            var context = new GenericApplicationContext();
            context.refresh();
            repository.setApplicationContext(context);
            repository.afterPropertiesSet();
            repository.afterSingletonsInstantiated();
            var locks = new ConnectionLocks(repository, Duration.ofSeconds(30), Duration.ofSeconds(60));
            var listener = new DiscordListener(mock(CommandDispatcher.class), catalog, Optional.empty(), texts);
            connection = new DiscordConnection(TOKEN, discord.apiUrl(), guildId, listener, catalog, Optional.empty(), locks);
            initiator = locks.election(connection);
            connection.onTokenRejected(initiator::stop);
            initiator.setHeartBeatMillis(500);
            initiator.setBusyWaitMillis(200);
        }

        void start() {
            initiator.start();
        }

        void stop() {
            initiator.stop();
        }
    }
}
