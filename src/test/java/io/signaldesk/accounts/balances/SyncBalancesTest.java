package io.signaldesk.accounts.balances;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.MutableClock;
import io.signaldesk.accounts.AccountSummary;
import io.signaldesk.accounts.Accounts;
import io.signaldesk.accounts.exchange.AccountExchanges;
import io.signaldesk.accounts.exchange.AccountsProperties;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.accounts.paper.PaperAccounts;
import io.signaldesk.accounts.store.ExchangeAccount;
import io.signaldesk.accounts.store.ExchangeAccounts;
import io.signaldesk.accounts.store.KeyVault;
import io.signaldesk.ops.ScheduledJobs;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * account.sync-balances against the real database with a scripted exchange: a snapshot per account with the equity of
 * what could be priced and the dust listed unpriced; an exchange that is down makes only its account stale, with the
 * time and the reason (the key never in it); a rejected key makes the account invalid and tells its owner once across
 * syncs; the paper account is created once with the configured equity; the job runs under its ShedLock name.
 */
@IntegrationTest
@TestPropertySource(properties = {BalanceFixtures.SECRETS_KEY, BalanceFixtures.PAPER_EQUITY})
class SyncBalancesTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;
    @Autowired
    ExchangeAccounts accounts;
    @Autowired
    KeyVault vault;
    @Autowired
    BalanceSnapshots snapshots;
    @Autowired
    KeyRejections rejections;
    @Autowired
    PaperAccounts paper;
    @Autowired
    Accounts facade;
    @Autowired
    ScheduledJobs jobs;
    @Autowired
    AccountsProperties properties;

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    private SyncBalances sync() {
        AccountExchanges exchanges = new AccountExchanges(List.of(BalanceFixtures.scripted(ExchangeId.BINANCE),
                BalanceFixtures.scripted(ExchangeId.OKX), BalanceFixtures.scripted(ExchangeId.BYBIT)), properties);
        return new SyncBalances(accounts, new AccountSync(vault, exchanges, snapshots, accounts, rejections, transactions), BalanceFixtures::price, clock);
    }

    @Test
    void aSyncStoresASnapshotPerAccountWithTheEquityOfWhatIsPricedAndTheDustListedUnpriced() {
        long user = BalanceFixtures.user(jdbc);
        ExchangeAccount binance = BalanceFixtures.account(accounts, vault, user, "binance", BalanceFixtures.key("ok"));
        ExchangeAccount paperAccount = paper.of(user);

        int synced = sync().execute();

        BalanceSnapshot snapshot = snapshots.latest(binance.id()).orElseThrow();
        assertThat(synced).isGreaterThanOrEqualTo(2);
        assertThat(snapshot.stale()).isFalse();
        assertThat(snapshot.syncedAt()).isEqualTo(clock.instant());
        assertThat(snapshot.equityUsdt()).isEqualByComparingTo("30150.25");
        assertThat(snapshot.holdings()).extracting(Holding::wallet, Holding::asset, Holding::valueUsdt).containsExactly(
                org.assertj.core.groups.Tuple.tuple("SPOT", "BTC", new BigDecimal("30000.00000000")),
                org.assertj.core.groups.Tuple.tuple("SPOT", "USDT", new BigDecimal("100.00000000")),
                org.assertj.core.groups.Tuple.tuple("FUTURES", "USDT", new BigDecimal("50.25000000")),
                org.assertj.core.groups.Tuple.tuple("SPOT", "DUSTCOIN", null));
        assertThat(snapshot.holdings().getLast().priceUsdt()).isNull();
        assertThat(jdbc.queryForObject("select holdings->3->>'amount' from balance_snapshot where account_id = ?", String.class, binance.id()))
                .isEqualTo("12");
        assertThat(accounts.findById(binance.id()).orElseThrow().lastSyncOkAt()).isEqualTo(clock.instant());
        assertThat(snapshots.latest(paperAccount.id()).orElseThrow().equityUsdt()).isEqualByComparingTo("12500");
    }

    @Test
    void anExchangeThatIsDownMakesOnlyItsAccountStaleWithTheTimeAndTheReason() {
        long first = BalanceFixtures.user(jdbc);
        long second = BalanceFixtures.user(jdbc);
        String downKey = BalanceFixtures.key("down");
        ExchangeAccount down = BalanceFixtures.account(accounts, vault, first, "okx", downKey);
        ExchangeAccount fine = BalanceFixtures.account(accounts, vault, first, "binance", BalanceFixtures.key("ok"));
        ExchangeAccount other = BalanceFixtures.account(accounts, vault, second, "bybit", BalanceFixtures.key("ok"));

        sync().execute();

        BalanceSnapshot stale = snapshots.latest(down.id()).orElseThrow();
        assertThat(stale.stale()).isTrue();
        assertThat(stale.equityUsdt()).isNull();
        assertThat(stale.syncedAt()).isEqualTo(clock.instant());
        assertThat(stale.error()).contains("HTTP 503 Service Unavailable").contains("[hidden]").doesNotContain(downKey);
        ExchangeAccount afterDown = accounts.findById(down.id()).orElseThrow();
        assertThat(afterDown.lastSyncAt()).isEqualTo(clock.instant());
        assertThat(afterDown.lastSyncOkAt()).isNull();
        assertThat(afterDown.status()).isEqualTo(ExchangeAccount.Status.ACTIVE);
        assertThat(snapshots.staleSince(down.id())).contains(clock.instant());
        for (ExchangeAccount ok : List.of(fine, other)) {
            assertThat(snapshots.latest(ok.id()).orElseThrow().equityUsdt()).isEqualByComparingTo("30150.25");
        }
    }

    @Test
    void aRejectedKeyMakesTheAccountInvalidAndTellsItsOwnerOnceAcrossSyncs() {
        long user = BalanceFixtures.user(jdbc);
        ExchangeAccount revoked = BalanceFixtures.account(accounts, vault, user, "bybit", BalanceFixtures.key("revoked"));
        Instant firstSync = clock.instant();

        sync().execute();
        clock.advance(Duration.ofMinutes(15));
        sync().execute();

        ExchangeAccount invalid = accounts.findById(revoked.id()).orElseThrow();
        assertThat(invalid.status()).isEqualTo(ExchangeAccount.Status.INVALID);
        assertThat(invalid.invalidSince()).isEqualTo(firstSync);
        assertThat(invalid.ownerToldAt()).isEqualTo(firstSync);
        assertThat(invalid.invalidReason()).isEqualTo("HTTP 401: API key is invalid or revoked");
        assertThat(snapshots.latest(revoked.id())).isEmpty();
        List<Map<String, Object>> notices = jdbc.queryForList("""
                select d.kind, d.payload->>'text' as text from delivery d join chat_destination c on c.id = d.destination_id
                  join chat_identity i on i.platform = c.platform and i.external_id = c.chat_id
                 where i.user_id = ? and d.event_key like 'key-rejected:%'""", user);
        assertThat(notices).hasSize(1);
        assertThat(notices.getFirst()).containsEntry("kind", "NOTICE");
        assertThat((String) notices.getFirst().get("text")).contains("bybit rejected your API key …").contains("HTTP 401")
                .contains("/keys add bybit");
    }

    @Test
    void thePaperAccountIsCreatedOnceWithTheConfiguredEquity() {
        long user = BalanceFixtures.user(jdbc);

        List<AccountSummary> first = facade.of(user);
        List<AccountSummary> second = facade.of(user);
        AccountSummary direct = facade.paperAccountOf(user);

        assertThat(jdbc.queryForObject("select count(*) from exchange_account where user_id = ?", Integer.class, user)).isEqualTo(1);
        assertThat(first).singleElement().satisfies(account -> {
            assertThat(account.paper()).isTrue();
            assertThat(account.exchange()).isEqualTo("paper");
            assertThat(account.equityUsdt()).isEqualByComparingTo("12500");
        });
        assertThat(second.getFirst().id()).isEqualTo(first.getFirst().id()).isEqualTo(direct.id());
    }

    @Test
    void theJobRunsUnderItsShedLockNameAndRecordsTheAccountsSynced() {
        long user = BalanceFixtures.user(jdbc);
        BalanceFixtures.account(accounts, vault, user, "binance", BalanceFixtures.key("ok"));
        Instant before = Instant.now().minusSeconds(1);

        new SyncBalancesJob(jobs, sync()).run();

        assertThat(SyncBalancesJob.JOB.name()).isEqualTo("account.sync-balances");
        assertThat(jdbc.queryForObject("select count(*) from shedlock where name = 'account.sync-balances'", Integer.class)).isEqualTo(1);
        Map<String, Object> run = jdbc.queryForMap("""
                select outcome, items_processed from job_run where job_name = 'account.sync-balances' and started_at >= ?
                 order by id limit 1""", java.sql.Timestamp.from(before));
        assertThat(run).containsEntry("outcome", "SUCCEEDED");
        assertThat((Integer) run.get("items_processed")).isGreaterThanOrEqualTo(1);
    }
}
