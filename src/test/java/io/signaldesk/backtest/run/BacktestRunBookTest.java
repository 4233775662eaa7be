package io.signaldesk.backtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code backtest_run} queue against the real PostgreSQL. Its clock is an hour ahead of the application's,
 * so the application's own workers (real clock: a new row without its message id waits
 * {@link BacktestRunBook#RECEIPT_WAIT}) leave these rows alone while this test claims them.
 */
@IntegrationTest
class BacktestRunBookTest {

    private static final Instant NOW = Instant.now().plus(Duration.ofHours(1));
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final java.util.Set<io.signaldesk.chat.Platform> TELEGRAM = java.util.Set.of(io.signaldesk.chat.Platform.TELEGRAM);

    @Autowired
    JdbcTemplate jdbc;

    private final List<Long> users = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Its rows would stand in the queue of later tests in this JVM (counted ahead of theirs). */
    @org.junit.jupiter.api.AfterEach
    void removeRows() {
        users.forEach(user -> jdbc.update("delete from backtest_run where user_id = ?", user));
    }

    private BacktestRunBook book(Instant at) {
        return new BacktestRunBook(jdbc, Clock.fixed(at, ZoneOffset.UTC));
    }

    @Test
    void twoInstancesClaimingAtOnceGetTheRunOnceAndOnlyItsOwnerMayRenewOrFinishIt() throws Exception {
        BacktestRunBook book = book(NOW);
        long id = created(book.enqueue(ask(user())));
        assertThat(book.claim("instance-a", LEASE, TELEGRAM)).as("not before its message is out, or %s passed", BacktestRunBook.RECEIPT_WAIT).isEmpty();
        book.messageSent(id, "m0");

        List<Optional<BacktestRun>> claims = claimAtOnce(book, "instance-a", "instance-b");

        assertThat(claims).filteredOn(Optional::isPresent).hasSize(1);
        String owner = claims.get(0).isPresent() ? "instance-a" : "instance-b";
        String other = owner.equals("instance-a") ? "instance-b" : "instance-a";
        assertThat(book.renew(id, other, LEASE)).isFalse();
        assertThat(book.ended(id, other, BacktestRun.Status.FAILED, "x")).isFalse();
        assertThat(book.renew(id, owner, LEASE)).isTrue();
        assertThat(book.done(id, owner, new BacktestRunBook.Summary(3, 0.1, 0.05, 1.2, "EDGE", 97, true, null))).isTrue();
        assertThat(jdbc.queryForObject("select status || ' ' || trades || ' ' || edge from backtest_run where id = ?", String.class, id))
                .isEqualTo("done 3 EDGE");
    }

    @Test
    void oneQueuedOrRunningBacktestPerUser() {
        BacktestRunBook book = book(NOW);
        long user = user();
        long first = created(book.enqueue(ask(user)));

        var second = book.enqueue(ask(user));

        assertThat(second).isEqualTo(new BacktestRunBook.Queued.Busy(first, BacktestRun.Status.QUEUED));
        assertThat(jdbc.queryForObject("select count(*) from backtest_run where user_id = ?", Integer.class, user)).isEqualTo(1);
    }

    @Test
    void aRunWhoseLeaseEndedIsInterruptedOnceAndItsLateOwnerWritesNothing() {
        long id = created(book(NOW).enqueue(ask(user())));
        jdbc.update("update backtest_run set message_id = 'm1' where id = ?", id);
        assertThat(book(NOW).claim("dead-instance", LEASE, java.util.Set.of(io.signaldesk.chat.Platform.DISCORD))).as("not for an instance without Telegram").isEmpty();
        assertThat(book(NOW).claim("dead-instance", LEASE, TELEGRAM)).map(BacktestRun::id).contains(id);

        BacktestRunBook later = book(NOW.plus(LEASE).plusSeconds(1));
        assertThat(later.interruptExpired(java.util.Set.of(io.signaldesk.chat.Platform.DISCORD))).as("Discord's sweeper leaves Telegram's runs")
                .extracting(BacktestRun::id).doesNotContain(id);
        List<BacktestRun> interrupted = later.interruptExpired(TELEGRAM);

        assertThat(interrupted).extracting(BacktestRun::id).contains(id);
        assertThat(interrupted).filteredOn(run -> run.id() == id).singleElement().extracting(BacktestRun::messageId).isEqualTo("m1");
        assertThat(later.interruptExpired(TELEGRAM)).extracting(BacktestRun::id).doesNotContain(id);
        assertThat(later.done(id, "dead-instance", new BacktestRunBook.Summary(1, 0, 0, 0, "EDGE", 1, true, null))).isFalse();
        assertThat(jdbc.queryForObject("select status from backtest_run where id = ?", String.class, id)).isEqualTo("interrupted");
    }

    @Test
    void aRunQueuedTooLongIsGivenUpOnceAndItsUserMayAskAgain() {
        long user = user();
        long id = created(book(NOW).enqueue(ask(user)));

        assertThat(book(NOW.plus(BacktestRunBook.QUEUE_EXPIRY)).expireQueued(TELEGRAM, BacktestRunBook.QUEUE_EXPIRY)).extracting(BacktestRun::id)
                .doesNotContain(id);
        BacktestRunBook later = book(NOW.plus(BacktestRunBook.QUEUE_EXPIRY).plusSeconds(1));
        assertThat(later.expireQueued(java.util.Set.of(io.signaldesk.chat.Platform.DISCORD), BacktestRunBook.QUEUE_EXPIRY))
                .as("an instance that cannot edit its message leaves it").extracting(BacktestRun::id).doesNotContain(id);
        assertThat(later.expireQueued(TELEGRAM, BacktestRunBook.QUEUE_EXPIRY)).extracting(BacktestRun::id).contains(id);
        assertThat(later.expireQueued(TELEGRAM, BacktestRunBook.QUEUE_EXPIRY)).extracting(BacktestRun::id).doesNotContain(id);

        assertThat(jdbc.queryForObject("select status || ': ' || reason from backtest_run where id = ?", String.class, id))
                .isEqualTo("failed: no instance took it within 6 h");
        assertThat(later.enqueue(ask(user))).isInstanceOf(BacktestRunBook.Queued.Created.class);
    }

    private List<Optional<BacktestRun>> claimAtOnce(BacktestRunBook book, String... owners) throws Exception {
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Callable<Optional<BacktestRun>>> tasks = java.util.Arrays.stream(owners)
                    .map(owner -> (Callable<Optional<BacktestRun>>) () -> book.claim(owner, LEASE, TELEGRAM)).toList();
            List<Optional<BacktestRun>> claims = new java.util.ArrayList<>();
            for (Future<Optional<BacktestRun>> claim : threads.invokeAll(tasks)) {
                claims.add(claim.get());
            }
            return claims;
        }
    }

    private long user() {
        long user = jdbc.queryForObject("insert into app_user default values returning id", Long.class);
        users.add(user);
        jdbc.update("insert into chat_destination (platform, chat_id, is_group) values ('TELEGRAM', ?, false) on conflict do nothing",
                "book-" + user);
        return user;
    }

    private BacktestRun.Ask ask(long user) {
        long destination = jdbc.queryForObject("select id from chat_destination where platform = 'TELEGRAM' and chat_id = ?", Long.class,
                "book-" + user);
        return new BacktestRun.Ask(user, destination, Locale.ENGLISH, ExchangeId.SIM, Symbol.parse("BTC/USDT"),
                List.of(Timeframe.parse("1h").orElseThrow()), 30, "futures-signals", NOW.minus(Duration.ofDays(30)), NOW);
    }

    private static long created(BacktestRunBook.Queued queued) {
        return ((BacktestRunBook.Queued.Created) queued).run().id();
    }
}
