package io.signaldesk.chat.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.signaldesk.IntegrationTest;
import io.signaldesk.chat.CommandCatalog;
import io.signaldesk.chat.connection.ConnectionLeadership;
import io.signaldesk.chat.connection.ConnectionLocks;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.transaction.PlatformTransactionManager;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;

/**
 * Two instances with one token and one database: only the leader polls (Telegram would answer 409 to
 * a second poller), and when it stops, the other takes over and is again the only poller; a connect slower
 * than the lock's time-to-live does not let the other instance in.
 */
@IntegrationTest
class TelegramLeadershipTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    CommandCatalog catalog;

    @Test
    void oneOfTwoInstancesPollsAndTheOtherTakesOverWhenItStops() throws Exception {
        String region = "test-" + UUID.randomUUID();
        try (StubBotApi telegram = new StubBotApi("42:two-instances")) {
            Instance first = new Instance(telegram, region);
            Instance second = new Instance(telegram, region);
            try {
                first.start();
                second.start();
                await().atMost(Duration.ofSeconds(10)).until(() -> first.connection.leading() || second.connection.leading());
                await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);

                assertThat(List.of(first.connection.leading(), second.connection.leading())).containsExactlyInAnyOrder(true, false);
                assertThat(telegram.calls("getUpdates")).isNotEmpty();
                assertThat(telegram.mostPollersAtOnce()).isEqualTo(1);

                Instance leader = first.connection.leading() ? first : second;
                Instance follower = leader == first ? second : first;
                leader.stop();
                await().atMost(Duration.ofSeconds(20)).until(follower.connection::leading);
                assertThat(leader.connection.leading()).isFalse();
                // the old leader's last long poll (1 s here) may still be open at the handover; Telegram ends
                // the older of two getUpdates with 409, so the overlap is at most one poll
                await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> true);
                telegram.resetMostPollers();
                int pollsBefore = telegram.calls("getUpdates").size();
                await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
                assertThat(telegram.calls("getUpdates").size()).as("the new leader polls").isGreaterThan(pollsBefore);
                assertThat(telegram.mostPollersAtOnce()).isEqualTo(1);
            } finally {
                first.stop();
                second.stop();
            }
        }
    }

    /**
     * Issue 13's "a connect that takes 40 s with a 30 s lock", scaled down so the test takes seconds: the
     * lock lives 3 s and Telegram answers {@code getMe} (the first call of a connect) after 4 s. While the
     * leader connects, its lock must stay renewed, so the other instance never takes over: one connect, one
     * leader, never two pollers.
     */
    @Test
    void aConnectSlowerThanTheLocksTimeToLiveStillLeavesOnePoller() throws Exception {
        String region = "test-" + UUID.randomUUID();
        Duration timeToLive = Duration.ofSeconds(3);
        try (StubBotApi telegram = new StubBotApi("42:two-instances")) {
            telegram.slow("getMe", Duration.ofSeconds(4));
            Instance first = new Instance(telegram, region, timeToLive);
            Instance second = new Instance(telegram, region, timeToLive);
            try {
                first.start();
                second.start();
                await().atMost(Duration.ofSeconds(15)).until(() -> first.connection.leading() || second.connection.leading());
                await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(7)).until(() -> true);

                assertThat(List.of(first.connection.leading(), second.connection.leading())).containsExactlyInAnyOrder(true, false);
                assertThat(telegram.calls("getMe")).as("one connect: the other instance never took the lock over").hasSize(1);
                assertThat(telegram.calls("getUpdates")).isNotEmpty();
                assertThat(telegram.mostPollersAtOnce()).isEqualTo(1);
            } finally {
                first.stop();
                second.stop();
            }
        }
    }

    /** What one SignalDesk instance builds for Telegram (see TelegramConfiguration), with its own lock client id. */
    private final class Instance {
        final TelegramConnection connection;
        final LockRegistryLeaderInitiator initiator;
        final TelegramBotsLongPollingApplication polling;

        Instance(StubBotApi telegram, String region) {
            this(telegram, region, ConnectionLeadership.TIME_TO_LIVE);
        }

        Instance(StubBotApi telegram, String region, Duration timeToLive) {
            var properties = new TelegramProperties(java.net.URI.create(telegram.url()), Duration.ofSeconds(1), 30, null, null);
            String token = "42:two-instances";
            var client = new OkHttpTelegramClient(new OkHttpClient(), token, properties.telegramUrl());
            polling = new TelegramBotsLongPollingApplication(ObjectMapper::new, OkHttpClient::new);
            var updates = new TelegramUpdates(mock(CommandDispatcher.class), client, new TelegramOutput(client), new GroupAdmins(client));
            var repository = new DefaultLockRepository(dataSource);
            repository.setRegion(region);
            repository.setTransactionManager(transactions);
            var context = new GenericApplicationContext();
            context.refresh();
            repository.setApplicationContext(context);
            repository.afterPropertiesSet();
            repository.afterSingletonsInstantiated();
            connection = new TelegramConnection(token, properties.telegramUrl(), properties.pollTimeout(), null, client, polling, updates,
                    new TelegramCommandMenu(catalog, client), new ConnectionLocks(repository, timeToLive, Duration.ofSeconds(60)));
            initiator = new LockRegistryLeaderInitiator(new JdbcLockRegistry(repository, timeToLive), connection);
            initiator.setHeartBeatMillis(500);
            initiator.setBusyWaitMillis(200);
        }

        void start() {
            initiator.start();
        }

        void stop() throws Exception {
            initiator.stop();
            polling.close();
        }
    }
}
