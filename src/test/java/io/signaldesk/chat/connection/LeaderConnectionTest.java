package io.signaldesk.chat.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.integration.leader.Context;

/** Connecting off the lock-renewal thread: onGranted returns at once, and a term that ends mid-connect never begins. */
class LeaderConnectionTest {

    @Test
    void grantingReturnsAtOnceAndTheConnectionBeginsWhenTheConnectIsDone() throws Exception {
        Slow connection = new Slow();
        Lock lock = new Lock(true);

        long started = System.nanoTime();
        connection.onGranted(lock);
        long grantMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(grantMillis).as("the renewal thread is not held by the connect").isLessThan(500);
        assertThat(connection.leading()).isFalse();

        connection.release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(connection::leading);
        assertThat(connection.events).containsExactly("connect 1", "begin 1");
    }

    @Test
    void leadershipLostWhileConnectingClosesTheNewConnectionUnusedAndNeverBeginsIt() throws Exception {
        Slow connection = new Slow();
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
        Slow connection = new Slow();
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
        Slow connection = new Slow();
        Lock lock = new Lock(true);
        connection.release.countDown();
        connection.onGranted(lock);
        await().atMost(Duration.ofSeconds(5)).until(connection::leading);

        lock.leader.set(false);
        connection.onRevoked(lock);

        assertThat(connection.events).containsExactly("connect 1", "begin 1", "close 1 begun");
        assertThat(connection.leading()).isFalse();
    }

    /** A connect that waits for {@link #release} (or an interrupt). */
    private static final class Slow extends LeaderConnection<Integer> {
        final CountDownLatch release = new CountDownLatch(1);
        final List<String> events = new CopyOnWriteArrayList<>();
        final AtomicInteger connects = new AtomicInteger();

        Slow() {
            super("test");
        }

        @Override
        protected Integer connect() {
            int number = connects.incrementAndGet();
            events.add("connect " + number);
            try {
                release.await();
            } catch (InterruptedException interrupted) {
                // a real client may still return a connection when interrupted; it must then be closed unused
                Thread.currentThread().interrupt();
            }
            return number;
        }

        @Override
        protected void begin(Integer connection) {
            events.add("begin " + connection);
        }

        @Override
        protected void close(Integer connection, boolean begun) {
            events.add("close " + connection + (begun ? " begun" : " unused"));
        }
    }

    private static final class Lock implements Context {
        final AtomicBoolean leader;

        Lock(boolean leader) {
            this.leader = new AtomicBoolean(leader);
        }

        @Override
        public boolean isLeader() {
            return leader.get();
        }

        @Override
        public void yield() {
            leader.set(false);
        }
    }
}
