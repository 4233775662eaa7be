package io.signaldesk.positions.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.accounts.AccountPositions;
import io.signaldesk.accounts.AccountPositionsReader;
import io.signaldesk.accounts.exchange.AccountFailure;
import io.signaldesk.accounts.exchange.ApiCredentials;
import io.signaldesk.accounts.exchange.ExchangePosition;
import io.signaldesk.accounts.exchange.ExchangePosition.Side;
import io.signaldesk.accounts.store.ExchangeAccount;
import io.signaldesk.accounts.store.ExchangeAccounts;
import io.signaldesk.accounts.store.KeyVault;
import io.signaldesk.market.Symbol;
import io.signaldesk.ops.ScheduledJobs;
import io.signaldesk.positions.book.Position;
import io.signaldesk.positions.book.PositionBook;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The exchange positions sync against the real database with scripted exchanges: a new exchange position opens a
 * row, a changed one is refreshed (its user-set stop kept), a gone one is closed with reason EXCHANGE at its last mark,
 * and an account whose exchange fails keeps its positions open and untouched while the other accounts sync.
 */
@IntegrationTest
@Import(ScriptedPositionExchanges.class)
@TestPropertySource(properties = "signaldesk.secrets.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
class SyncExchangePositionsTest {

    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() / 1000 + 900_000);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ExchangeAccounts accounts;
    @Autowired
    KeyVault vault;
    @Autowired
    PositionBook book;
    @Autowired
    SyncExchangePositions sync;
    @Autowired
    ScheduledJobs jobs;
    @Autowired
    AccountPositionsReader reader;

    @AfterEach
    void healTheExchanges() {
        ScriptedPositionExchanges.healAll();
    }

    @Test
    void aNewExchangePositionOpensARowWithTheUsersNextNumber() {
        long user = user();
        String key = key();
        ExchangeAccount account = account(user, "binance", key);
        ScriptedPositionExchanges.script(key, List.of(btcLong("0.1", "60000", "61000", "10"), ethShort("2", "3400", null, "20")));

        sync.syncAll();

        List<Position> open = book.openOf(user);
        assertThat(open).hasSize(2);
        Position btc = open.stream().filter(p -> p.pair().equals("BTC/USDT")).findFirst().orElseThrow();
        assertThat(btc.accountId()).isEqualTo(account.id());
        assertThat(btc.exchange()).isEqualTo("binance");
        assertThat(btc.source()).isEqualTo(Position.Source.EXCHANGE);
        assertThat(btc.externalId()).isEqualTo("BTC/USDT:LONG");
        assertThat(btc.side()).isEqualTo(Position.Side.LONG);
        assertThat(btc.size()).isEqualByComparingTo("0.1");
        assertThat(btc.entry()).isEqualByComparingTo("60000");
        assertThat(btc.leverage()).isEqualByComparingTo("10");
        assertThat(btc.markPrice()).isEqualByComparingTo("61000");
        assertThat(btc.markedAt()).isNotNull();
        Position eth = open.stream().filter(p -> p.pair().equals("ETH/USDT")).findFirst().orElseThrow();
        assertThat(eth.side()).isEqualTo(Position.Side.SHORT);
        assertThat(eth.externalId()).isEqualTo("ETH/USDT:SHORT");
        assertThat(eth.markPrice()).isNull();
        assertThat(open).extracting(Position::number).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void aStandInForATradeAlreadyOnTheExchangeBecomesThatPositionAndKeepsItsSignalAndStop() {
        long user = user();
        String key = key();
        ExchangeAccount account = account(user, "binance", key);
        long paper = jdbc.queryForObject("insert into exchange_account (user_id, exchange, kind, paper_equity) values (?, 'paper', 'PAPER', 10000)"
                + " returning id", Long.class, user);
        long standIn = jdbc.queryForObject("""
                insert into position (user_id, account_id, number, exchange, pair, side, entry, size, stop_loss, take_profit_1, source,
                                      signal_id, bot, external_id, opened_at)
                values (?, ?, 1, 'sim', 'BTC/USDT', 'LONG', 59000, 0.01, 58000, 62000, 'SIGNAL', 42, 'futures-signals',
                        'await:BTC/USDT:LONG:1', now()) returning id""", Long.class, user, paper);
        ScriptedPositionExchanges.script(key, List.of(btcLong("0.1", "60000", "61000", "10")));

        sync.syncAll();

        List<Position> open = book.openOf(user);
        assertThat(open).singleElement().satisfies(linked -> {
            assertThat(linked.id()).isEqualTo(standIn);
            assertThat(linked.accountId()).isEqualTo(account.id());
            assertThat(linked.exchange()).isEqualTo("binance");
            assertThat(linked.externalId()).isEqualTo("BTC/USDT:LONG");
            assertThat(linked.entry()).isEqualByComparingTo("60000");
            assertThat(linked.size()).isEqualByComparingTo("0.1");
            assertThat(linked.source()).isEqualTo(Position.Source.SIGNAL);
            assertThat(linked.signalId()).isEqualTo(42L);
            assertThat(linked.stopLoss()).isEqualByComparingTo("58000");
        });
    }

    @Test
    void aSecondSyncOfTheSamePositionsOpensNothingNew() {
        long user = user();
        String key = key();
        account(user, "binance", key);
        ScriptedPositionExchanges.script(key, List.of(btcLong("0.1", "60000", "61000", "10")));

        sync.syncAll();
        sync.syncAll();

        assertThat(jdbc.queryForObject("select count(*) from position where user_id = ?", Integer.class, user)).isEqualTo(1);
    }

    @Test
    void aChangedPositionIsRefreshedAndKeepsItsStop() {
        long user = user();
        String key = key();
        account(user, "bybit", key);
        ScriptedPositionExchanges.script(key, List.of(btcLong("0.1", "60000", "61000", "10")));
        sync.syncAll();
        Position first = book.openOf(user).getFirst();
        book.save(first.withStop(new BigDecimal("58000")));
        ScriptedPositionExchanges.script(key, List.of(btcLong("0.25", "60500", "62000", "5")));

        int changes = sync.syncAll();

        Position refreshed = book.findById(first.id()).orElseThrow();
        assertThat(changes).isGreaterThanOrEqualTo(1);
        assertThat(refreshed.open()).isTrue();
        assertThat(refreshed.number()).isEqualTo(first.number());
        assertThat(refreshed.size()).isEqualByComparingTo("0.25");
        assertThat(refreshed.entry()).isEqualByComparingTo("60500");
        assertThat(refreshed.leverage()).isEqualByComparingTo("5");
        assertThat(refreshed.markPrice()).isEqualByComparingTo("62000");
        assertThat(refreshed.stopLoss()).isEqualByComparingTo("58000");
        assertThat(book.openOf(user)).hasSize(1);
    }

    @Test
    void aPositionGoneFromTheExchangeIsClosedWithReasonExchangeAtItsLastMark() {
        long user = user();
        String key = key();
        account(user, "binance", key);
        ScriptedPositionExchanges.script(key, List.of(btcLong("0.2", "60000", "62000", "10")));
        sync.syncAll();
        long id = book.openOf(user).getFirst().id();
        ScriptedPositionExchanges.script(key, List.of());

        sync.syncAll();

        Position closed = book.findById(id).orElseThrow();
        assertThat(closed.status()).isEqualTo(Position.Status.CLOSED);
        assertThat(closed.closeReason()).isEqualTo(Position.CloseReason.EXCHANGE);
        assertThat(closed.exitPrice()).isEqualByComparingTo("62000");
        assertThat(closed.realizedPnl()).isEqualByComparingTo("400");
        assertThat(closed.closedAt()).isNotNull();
    }

    @Test
    void anExchangeFailureClosesNothingAndTheOtherAccountsStillSync() {
        long user = user();
        String downKey = key();
        String rejectedKey = key();
        String fineKey = key();
        account(user, "binance", downKey);
        account(user, "bybit", rejectedKey);
        long otherUser = user();
        account(otherUser, "binance", fineKey);
        ScriptedPositionExchanges.script(downKey, List.of(btcLong("0.1", "60000", "61000", "10")));
        ScriptedPositionExchanges.script(rejectedKey, List.of(ethShort("1", "3400", "3390", "20")));
        sync.syncAll();
        List<Position> before = book.openOf(user);
        assertThat(before).hasSize(2);
        ScriptedPositionExchanges.fail(downKey, new AccountFailure.Unavailable("Binance answered HTTP 503", null));
        ScriptedPositionExchanges.fail(rejectedKey, new AccountFailure.KeyRejected("Bybit retCode 10003: API key is invalid."));
        ScriptedPositionExchanges.script(fineKey, List.of(btcLong("0.3", "59000", "61000", "3")));

        sync.syncAll();

        List<Position> after = book.openOf(user);
        assertThat(after).hasSize(2);
        assertThat(after).usingRecursiveFieldByFieldElementComparator().containsExactlyInAnyOrderElementsOf(before);
        assertThat(book.openOf(otherUser)).singleElement().satisfies(p -> assertThat(p.size()).isEqualByComparingTo("0.3"));
    }

    @Test
    void theReaderLeavesOutInvalidAndSpotOnlyAccountsAndItsFailuresHoldNoKey() {
        long user = user();
        String downKey = key();
        ExchangeAccount down = account(user, "okx", downKey);
        ExchangeAccount kraken = account(user, "kraken", key());
        ExchangeAccount invalid = accounts.save(account(user, "bybit", key()).invalid("Bybit retCode 10003", Instant.now()));
        ScriptedPositionExchanges.fail(downKey, new AccountFailure.Unavailable("OKX answered HTTP 503", null));

        List<AccountPositions> read = reader.readAll();

        assertThat(read).extracting(AccountPositions::accountId).contains(down.id()).doesNotContain(kraken.id(), invalid.id());
        AccountPositions failed = read.stream().filter(a -> a.accountId() == down.id()).findFirst().orElseThrow();
        assertThat(failed).isInstanceOfSatisfying(AccountPositions.Failed.class, f -> {
            assertThat(f.reason()).contains("HTTP 503");
            assertThat(f.reason().contains(downKey) || f.reason().contains("secret-of-")).as("a failure's reason holds a key").isFalse();
        });
    }

    @Test
    void theJobRunsUnderItsShedLockName() {
        long user = user();
        String key = key();
        account(user, "binance", key);
        ScriptedPositionExchanges.script(key, List.of(btcLong("0.1", "60000", "61000", "10")));
        Instant before = Instant.now().minusSeconds(1);

        new SyncExchangePositionsJob(jobs, sync).run();

        assertThat(jdbc.queryForObject("select count(*) from shedlock where name = 'positions.sync-exchange'", Integer.class)).isEqualTo(1);
        Map<String, Object> run = jdbc.queryForMap("""
                select outcome, items_processed from job_run where job_name = 'positions.sync-exchange' and started_at >= ?
                 order by id limit 1""", java.sql.Timestamp.from(before));
        assertThat(run).containsEntry("outcome", "SUCCEEDED");
        assertThat((Integer) run.get("items_processed")).isGreaterThanOrEqualTo(1);
        assertThat(book.openOf(user)).hasSize(1);
    }

    private static ExchangePosition btcLong(String size, String entry, String mark, String leverage) {
        return new ExchangePosition(new Symbol("BTC", "USDT"), Side.LONG, new BigDecimal(size), new BigDecimal(entry),
                mark == null ? null : new BigDecimal(mark), new BigDecimal(leverage), null, null);
    }

    private static ExchangePosition ethShort(String size, String entry, String mark, String leverage) {
        return new ExchangePosition(new Symbol("ETH", "USDT"), Side.SHORT, new BigDecimal(size), new BigDecimal(entry),
                mark == null ? null : new BigDecimal(mark), new BigDecimal(leverage), null, null);
    }

    private long user() {
        long user = jdbc.queryForObject("insert into app_user default values returning id", Long.class);
        jdbc.update("insert into chat_identity (user_id, platform, external_id, display_name) values (?, 'TELEGRAM', ?, 'Trader')", user,
                Long.toString(IDS.incrementAndGet()));
        return user;
    }

    private static String key() {
        return "pos-" + IDS.incrementAndGet() + "ab12";
    }

    private ExchangeAccount account(long user, String exchange, String key) {
        ExchangeAccount inserted = accounts.save(new ExchangeAccount(null, user, exchange, ExchangeAccount.Kind.EXCHANGE, null, null, null,
                null, null, ExchangeAccount.Permission.READ_ONLY, null, ExchangeAccount.Status.ACTIVE, null, null, null, null, null, null,
                Instant.now(), null));
        return accounts.save(vault.seal(inserted, new ApiCredentials(key, "secret-of-" + key, Optional.empty())));
    }
}
