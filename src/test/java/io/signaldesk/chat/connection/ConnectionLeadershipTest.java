package io.signaldesk.chat.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.signaldesk.IntegrationTest;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.leader.Context;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Leadership against the real lock rows: a connect that never returns gives the lock up at its deadline
 * and another instance leads; a leader the database no longer knows does not begin; the lock rows have
 * connections of their own, so an exhausted application pool does not hold their renewal up.
 */
@IntegrationTest
class ConnectionLeadershipTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    DefaultLockRepository chatConnectionLocks;

    @Test
    void aConnectThatNeverReturnsGivesTheLockUpAtItsDeadlineAndAnotherInstanceLeads() throws Exception {
        String region = "test-" + UUID.randomUUID();
        CountDownLatch testOver = new CountDownLatch(1);
        DefaultLockRepository stuckLocks = repository(region);
        DefaultLockRepository healthyLocks = repository(region);
        Probe stuck = new Probe(locks(stuckLocks, Duration.ofSeconds(1)), testOver);
        Probe healthy = new Probe(locks(healthyLocks, Duration.ofSeconds(1)), null);
        LockRegistryLeaderInitiator first = election(stuckLocks, stuck);
        LockRegistryLeaderInitiator second = election(healthyLocks, healthy);
        try {
            first.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> stuck.events.contains("connect"));
            second.start();

            await().atMost(Duration.ofSeconds(20)).until(healthy::leading);
            assertThat(stuck.leading()).isFalse();
            assertThat(stuck.interrupted.get()).as("the stuck connect was interrupted at its deadline").isTrue();
            assertThat(stuck.events).doesNotContain("begin");
        } finally {
            testOver.countDown();
            first.stop();
            second.stop();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> stuck.events.contains("close unused"));
        assertThat(stuck.events).doesNotContain("begin");
    }

    @Test
    void aLeaderTheDatabaseNoLongerKnowsDoesNotBegin() {
        String region = "test-" + UUID.randomUUID();
        DefaultLockRepository mine = repository(region);
        DefaultLockRepository other = repository(region);
        Probe connection = new Probe(locks(mine, Duration.ofSeconds(60)), null);
        // the renewal loop last said "leader", but meanwhile the row expired and another instance took it
        assertThat(other.acquire(ConnectionLocks.lockKey(Probe.ROLE), ConnectionLeadership.TIME_TO_LIVE)).isTrue();
        Granted granted = new Granted();

        connection.onGranted(granted);

        await().atMost(Duration.ofSeconds(LeaderConnection.RETRY_SECONDS + 5)).until(granted.yielded::get);
        assertThat(connection.events).containsExactly("connect", "close unused");
        assertThat(connection.leading()).isFalse();

        // the control: once the row is this instance's, the same grant begins
        other.delete(ConnectionLocks.lockKey(Probe.ROLE));
        assertThat(mine.acquire(ConnectionLocks.lockKey(Probe.ROLE), ConnectionLeadership.TIME_TO_LIVE)).isTrue();
        Granted again = new Granted();
        connection.onGranted(again);
        await().atMost(Duration.ofSeconds(5)).until(connection::leading);
        connection.onRevoked(again);
    }

    @Test
    void theLockRowsHaveConnectionsOfTheirOwn() throws Exception {
        HikariDataSource application = dataSource.unwrap(HikariDataSource.class);
        List<Connection> taken = new ArrayList<>();
        String key = ConnectionLocks.lockKey("pool-test-" + UUID.randomUUID());
        try {
            while (taken.size() < application.getMaximumPoolSize()) {
                taken.add(application.getConnection());
            }

            // on the application's pool this would wait its 30 s connection timeout, then throw
            assertThat(chatConnectionLocks.acquire(key, ConnectionLeadership.TIME_TO_LIVE)).isTrue();
            assertThat(chatConnectionLocks.isAcquired(key)).isTrue();
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
            chatConnectionLocks.delete(key);
        }
    }

    private DefaultLockRepository repository(String region) {
        var repository = new DefaultLockRepository(dataSource);
        repository.setRegion(region);
        repository.setTransactionManager(transactions);
        var context = new GenericApplicationContext();
        context.refresh();
        repository.setApplicationContext(context);
        repository.afterPropertiesSet();
        repository.afterSingletonsInstantiated();
        return repository;
    }

    private static ConnectionLocks locks(DefaultLockRepository repository, Duration connectTimeout) {
        return new ConnectionLocks(repository, ConnectionLeadership.TIME_TO_LIVE, connectTimeout);
    }

    /** An instance's election, on the same lock repository (the same client id) its connection confirms the lock with. */
    private static LockRegistryLeaderInitiator election(DefaultLockRepository repository, Probe candidate) {
        var initiator = new LockRegistryLeaderInitiator(new JdbcLockRegistry(repository, ConnectionLeadership.TIME_TO_LIVE), candidate);
        initiator.setHeartBeatMillis(500);
        initiator.setBusyWaitMillis(200);
        return initiator;
    }

    /** A connection whose connect returns at once, or, given a latch, only when the test is over (ignoring interrupts, as a stuck client). */
    private static final class Probe extends LeaderConnection<String> {
        static final String ROLE = "probe";
        final List<String> events = new CopyOnWriteArrayList<>();
        final AtomicBoolean interrupted = new AtomicBoolean();
        private final CountDownLatch stuckUntil;

        Probe(ConnectionLocks locks, CountDownLatch stuckUntil) {
            super(ROLE, locks);
            this.stuckUntil = stuckUntil;
        }

        @Override
        protected String connect() {
            events.add("connect");
            while (stuckUntil != null && stuckUntil.getCount() > 0) {
                try {
                    stuckUntil.await();
                } catch (InterruptedException ignored) {
                    interrupted.set(true);
                }
            }
            return "connection";
        }

        @Override
        protected void begin(String connection) {
            events.add("begin");
        }

        @Override
        protected void close(String connection, boolean begun) {
            events.add(begun ? "close begun" : "close unused");
        }
    }

    /** Spring Integration's view: this instance leads (its last renewal succeeded). */
    private static final class Granted implements Context {
        final AtomicBoolean yielded = new AtomicBoolean();

        @Override
        public boolean isLeader() {
            return !yielded.get();
        }

        @Override
        public void yield() {
            yielded.set(true);
        }
    }
}
