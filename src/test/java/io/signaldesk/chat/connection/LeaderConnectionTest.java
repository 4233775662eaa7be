package io.signaldesk.chat.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.integration.jdbc.lock.LockRepository;
import org.springframework.integration.leader.Context;

/**
 * Connecting off the lock-renewal thread: onGranted returns at once, a term that ends mid-connect never
 * begins, and a term that cannot begin (a connect that never returns, an Error, a lock the database does
 * not confirm) always gives the lock up.
 */
class LeaderConnectionTest {

    private static final Duration LONG = Duration.ofMinutes(10);

    @Test
    void grantingReturnsBeforeTheConnectIsDoneAndTheConnectionBeginsWhenItIs() throws Exception {
        Slow connection = new Slow(LONG);
        Lock lock = new Lock(true);

        // the connect waits for release, which is counted down only after onGranted has returned:
        // were the connect on the granting (lock-renewal) thread, onGranted would never return
        connection.onGranted(lock);
        assertThat(connection.leading()).isFalse();
        connection.release.countDown();

        await().atMost(Duration.ofSeconds(5)).until(connection::leading);
        assertThat(connection.events).containsExactly("connect 1", "begin 1");
        assertThat(connection.connectThread.get()).isNotEqualTo(Thread.currentThread());
    }

    @Test
    void leadershipLostWhileConnectingClosesTheNewConnectionUnusedAndNeverBeginsIt() throws Exception {
        Slow connection = new Slow(LONG);
        Lock lock = new Lock(true);
        connection.onGranted(lock);
        await().atMost(Duration.ofSeconds(5)).until(() -> connection.events.contains("connect 1"));

        lock.leader.set(false);
        connection.onRevoked(lock);

        await().atMost(Duration.ofSeconds(5)).until(() -> connection.events.contains("close 1 unused"));
        assertThat(connection.events).doesNotContain("begin 1");
        assertThat(connection.leading()).isFalse();
    }

    @Test
    void aConnectThatFinishesAfterTheLockIsGoneDoesNotBegin() throws Exception {
        Slow connection = new Slow(LONG);
        Lock lock = new Lock(true);
        connection.onGranted(lock);
        lock.leader.set(false);
        connection.release.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> connection.events.contains("close 1 unused"));
        assertThat(connection.events).doesNotContain("begin 1");
        assertThat(connection.leading()).isFalse();
    }

    @Test
    void revokingABegunConnectionClosesIt() throws Exception {
        Slow connection = new Slow(LONG);
        Lock lock = new Lock(true);
        connection.release.countDown();
        connection.onGranted(lock);
        await().atMost(Duration.ofSeconds(5)).until(connection::leading);

        lock.leader.set(false);
        connection.onRevoked(lock);

        assertThat(connection.events).containsExactly("connect 1", "begin 1", "close 1 begun");
        assertThat(connection.leading()).isFalse();
    }

    /** A connect that never returns (JDA's awaitReady with the gateway unreachable) holds the lock only until its deadline. */
    @Test
    void aConnectThatNeverReturnsIsInterruptedAndTheLockYieldedAtItsDeadline() throws Exception {
        Slow connection = new Slow(Duration.ofMillis(300));
        connection.ignoresInterrupts.set(true);
        Lock lock = new Lock(true);
        connection.onGranted(lock);

        await().atMost(Duration.ofSeconds(5)).until(lock.yielded::get);
        assertThat(connection.interrupted.get()).as("the connect was interrupted").isTrue();
        assertThat(connection.events).doesNotContain("begin 1");
        connection.release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> connection.events.contains("close 1 unused"));
        assertThat(connection.events).doesNotContain("begin 1");
        assertThat(connection.leading()).isFalse();
    }

    @Test
    void anErrorInTheConnectStillYieldsTheLock() {
        Slow connection = new Slow(LONG);
        connection.failure.set(new StackOverflowError("connect"));
        Lock lock = new Lock(true);
        connection.onGranted(lock);

        await().atMost(Duration.ofSeconds(LeaderConnection.RETRY_SECONDS + 5)).until(lock.yielded::get);
        assertThat(connection.leading()).isFalse();
    }

    @Test
    void aCloseThatThrowsStillYieldsTheLock() {
        Slow connection = new Slow(LONG);
        connection.closeFails.set(true);
        connection.release.countDown();
        Lock lock = new Lock(true);
        connection.beginFails.set(true);
        connection.onGranted(lock);

        await().atMost(Duration.ofSeconds(LeaderConnection.RETRY_SECONDS + 5)).until(lock.yielded::get);
        assertThat(connection.events).containsExactly("connect 1", "close 1 unused");
        assertThat(connection.leading()).isFalse();
    }

    /** Spring Integration's flag says leader, but the database says another instance holds the lock: no begin. */
    @Test
    void aLockTheDatabaseDoesNotConfirmIsNeverBegunAndIsYielded() {
        Slow connection = new Slow(LONG);
        connection.database.held.set(false);
        connection.release.countDown();
        Lock lock = new Lock(true);
        connection.onGranted(lock);

        await().atMost(Duration.ofSeconds(LeaderConnection.RETRY_SECONDS + 5)).until(lock.yielded::get);
        assertThat(connection.events).containsExactly("connect 1", "close 1 unused");
        assertThat(connection.database.asked.get()).isEqualTo(1);
    }

    /** A connect that waits for {@link #release} or an interrupt (which it records, and may ignore as a stuck client would). */
    private static final class Slow extends LeaderConnection<Integer> {
        final CountDownLatch release = new CountDownLatch(1);
        final List<String> events = new CopyOnWriteArrayList<>();
        final AtomicInteger connects = new AtomicInteger();
        final AtomicBoolean interrupted = new AtomicBoolean();
        final AtomicBoolean ignoresInterrupts = new AtomicBoolean();
        final AtomicReference<Error> failure = new AtomicReference<>();
        final AtomicBoolean beginFails = new AtomicBoolean();
        final AtomicBoolean closeFails = new AtomicBoolean();
        final AtomicReference<Thread> connectThread = new AtomicReference<>();
        final Database database;

        Slow(Duration connectTimeout) {
            this(new Database(), connectTimeout);
        }

        private Slow(Database database, Duration connectTimeout) {
            super("test", new ConnectionLocks(database, ConnectionLeadership.TIME_TO_LIVE, connectTimeout));
            this.database = database;
        }

        @Override
        protected Integer connect() {
            connectThread.set(Thread.currentThread());
            int number = connects.incrementAndGet();
            events.add("connect " + number);
            if (failure.get() != null) {
                throw failure.get();
            }
            boolean released = false;
            while (!released) {
                try {
                    release.await();
                    released = true;
                } catch (InterruptedException stopped) {
                    interrupted.set(true);
                    // a real client may still return a connection when interrupted (it is then closed unused); a stuck one ignores it
                    released = !ignoresInterrupts.get();
                }
            }
            return number;
        }

        @Override
        protected void begin(Integer connection) {
            if (beginFails.get()) {
                throw new IllegalStateException("begin failed");
            }
            events.add("begin " + connection);
        }

        @Override
        protected void close(Integer connection, boolean begun) {
            events.add("close " + connection + (begun ? " begun" : " unused"));
            if (closeFails.get()) {
                throw new IllegalStateException("close failed");
            }
        }
    }

    /** The lock rows as the database sees them: held by this instance or not. */
    private static final class Database implements LockRepository {
        final AtomicBoolean held = new AtomicBoolean(true);
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public boolean renew(String lock, Duration ttl) {
            asked.incrementAndGet();
            return held.get();
        }

        @Override
        public boolean renew(String lock) {
            return renew(lock, ConnectionLeadership.TIME_TO_LIVE);
        }

        @Override
        public boolean isAcquired(String lock) {
            return held.get();
        }

        @Override
        public boolean delete(String lock) {
            return true;
        }

        @Override
        public void deleteExpired() {
        }

        @Override
        public boolean acquire(String lock) {
            return true;
        }

        @Override
        public boolean acquire(String lock, Duration ttl) {
            return true;
        }

        @Override
        public void close() {
        }
    }

    private static final class Lock implements Context {
        final AtomicBoolean leader;
        final AtomicBoolean yielded = new AtomicBoolean();

        Lock(boolean leader) {
            this.leader = new AtomicBoolean(leader);
        }

        @Override
        public boolean isLeader() {
            return leader.get();
        }

        @Override
        public void yield() {
            yielded.set(true);
            leader.set(false);
        }
    }
}
