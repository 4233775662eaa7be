package io.signaldesk.accounts.keys;

import static io.signaldesk.chat.ChatReplies.buttonId;
import static io.signaldesk.chat.ChatReplies.pressed;
import static io.signaldesk.chat.ChatReplies.text;
import static io.signaldesk.chat.ChatReplies.typed;
import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.accounts.exchange.ApiCredentials;
import io.signaldesk.accounts.store.ExchangeAccount;
import io.signaldesk.accounts.store.ExchangeAccounts;
import io.signaldesk.accounts.store.KeyVault;
import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import java.sql.Connection;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A joining account's exchange key when two accounts become one user ({@code /link}): it moves to the kept user, sealed
 * again for it (a key is bound to its row and owner), and still opens. Same context as {@link KeysCommandTest}.
 */
@IntegrationTest
@Import(FakeAccountExchanges.class)
@TestPropertySource(properties = "signaldesk.secrets.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
class LinkedKeysTest {

    private static final AtomicLong ACCOUNTS = new AtomicLong(930_000_000L + System.nanoTime() % 10_000_000L);
    private static final Pattern CODE = Pattern.compile(": ([A-Z2-9]{10})\\n");

    @Autowired
    CommandDispatcher dispatcher;
    @Autowired
    ExchangeAccounts accounts;
    @Autowired
    KeyVault vault;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    io.signaldesk.accounts.Accounts paper;

    @Test
    void theJoiningUsersExchangeKeyMovesToTheKeptUserAndStillOpens() {
        ChatAccount telegram = new ChatAccount(Platform.TELEGRAM, Long.toString(ACCOUNTS.incrementAndGet()), "Trader", "en");
        ChatAccount discord = new ChatAccount(Platform.DISCORD, Long.toString(ACCOUNTS.incrementAndGet()), "Trader", "en");
        Matcher code = CODE.matcher(text(typed(dispatcher, telegram, "/link")));
        assertThat(code.find()).isTrue();
        typed(dispatcher, discord, "/help");
        var credentials = new ApiCredentials("LINK-key-0001", "LINK-secret-0001", Optional.of("pass"));
        ExchangeAccount inserted = accounts.save(ExchangeAccount.connected(userOf(discord), "okx", credentials.hint(),
                ExchangeAccount.Permission.READ_ONLY, null, Instant.now()));
        accounts.save(vault.seal(inserted, credentials));
        jdbc.update("update exchange_account set live_orders = true where id = ?", inserted.id());

        var confirm = (Reply.Text) typed(dispatcher, discord, "/link " + code.group(1)).getFirst();
        assertThat(confirm.text()).contains("\u2022 1 exchange key: OKX");
        assertThat(text(pressed(dispatcher, discord, buttonId(confirm.buttons(), "Link")))).startsWith("Linked");

        ExchangeAccount moved = accounts.findById(inserted.id()).orElseThrow();
        assertThat(moved.userId()).isEqualTo(userOf(telegram));
        assertThat(vault.open(moved)).isEqualTo(credentials);
        assertThat(text(typed(dispatcher, telegram, "/keys"))).contains("OKX");
        assertThat(jdbc.queryForObject("select live_orders from exchange_account where id = ?", Boolean.class, inserted.id()))
                .as("its new owner did not turn live orders on").isFalse();
    }

    @Test
    void aBalanceSyncUpdatingTheKeysRowWhileItMovesIsWaitedForAndTheKeyStillMoves() throws Exception {
        ChatAccount telegram = new ChatAccount(Platform.TELEGRAM, Long.toString(ACCOUNTS.incrementAndGet()), "Trader", "en");
        ChatAccount discord = new ChatAccount(Platform.DISCORD, Long.toString(ACCOUNTS.incrementAndGet()), "Trader", "en");
        Matcher code = CODE.matcher(text(typed(dispatcher, telegram, "/link")));
        assertThat(code.find()).isTrue();
        typed(dispatcher, discord, "/help");
        var credentials = new ApiCredentials("SYNC-key-0001", "SYNC-secret-0001", Optional.empty());
        ExchangeAccount inserted = accounts.save(ExchangeAccount.connected(userOf(discord), "binance", credentials.hint(),
                ExchangeAccount.Permission.READ_ONLY, null, Instant.now()));
        accounts.save(vault.seal(inserted, credentials));
        var confirm = (Reply.Text) typed(dispatcher, discord, "/link " + code.group(1)).getFirst();

        String answer;
        try (Connection sync = dataSource.getConnection(); var pool = Executors.newSingleThreadExecutor()) {
            sync.setAutoCommit(false);
            try (var update = sync.prepareStatement("update exchange_account set last_sync_at = now(), version = version + 1 where id = ?")) {
                update.setLong(1, inserted.id());
                update.executeUpdate();
            }
            Future<String> press = pool.submit(() -> text(pressed(dispatcher, discord, buttonId(confirm.buttons(), "Link"))));
            Thread.sleep(1_500);
            assertThat(press).as("the link waits for the sync's row").isNotDone();
            sync.commit();
            answer = press.get(20, TimeUnit.SECONDS);
        }

        assertThat(answer).startsWith("Linked");
        ExchangeAccount moved = accounts.findById(inserted.id()).orElseThrow();
        assertThat(moved.userId()).as("the key moved with the account, not left behind").isEqualTo(userOf(telegram));
        assertThat(vault.open(moved)).isEqualTo(credentials);
    }

    @Test
    void unlinkGivesBackTheKeyAndThePositionsThatCameWithTheLeavingAccount() {
        ChatAccount telegram = new ChatAccount(Platform.TELEGRAM, Long.toString(ACCOUNTS.incrementAndGet()), "Trader", "en");
        ChatAccount discord = new ChatAccount(Platform.DISCORD, Long.toString(ACCOUNTS.incrementAndGet()), "Trader", "en");
        Matcher code = CODE.matcher(text(typed(dispatcher, telegram, "/link")));
        assertThat(code.find()).isTrue();
        typed(dispatcher, discord, "/help");
        long kept = userOf(telegram);
        long joining = userOf(discord);
        long keptPaper = paper.paperAccountOf(kept).id();
        long keptPosition = position(kept, keptPaper, 1);
        var credentials = new ApiCredentials("BACK-key-0001", "BACK-secret-0001", Optional.of("pass"));
        ExchangeAccount inserted = accounts.save(ExchangeAccount.connected(joining, "okx", credentials.hint(),
                ExchangeAccount.Permission.READ_ONLY, null, Instant.now()));
        accounts.save(vault.seal(inserted, credentials));
        long onExchange = position(joining, inserted.id(), 1);
        long onPaper = position(joining, paper.paperAccountOf(joining).id(), 2);
        var confirm = (Reply.Text) typed(dispatcher, discord, "/link " + code.group(1)).getFirst();
        assertThat(text(pressed(dispatcher, discord, buttonId(confirm.buttons(), "Link")))).startsWith("Linked");
        assertThat(jdbc.queryForObject("select account_id from position where id = ?", Long.class, onPaper)).isEqualTo(keptPaper);

        assertThat(text(typed(dispatcher, discord, "/unlink"))).startsWith("Unlinked: this Discord account is on its own again");

        ExchangeAccount back = accounts.findById(inserted.id()).orElseThrow();
        assertThat(back.userId()).isEqualTo(joining);
        assertThat(vault.open(back)).as("sealed again for its own user").isEqualTo(credentials);
        assertThat(jdbc.queryForMap("select user_id, number from position where id = ?", onExchange))
                .containsEntry("user_id", joining).containsEntry("number", 1);
        long joiningPaper = paper.existingPaperAccountOf(joining).orElseThrow().id();
        assertThat(jdbc.queryForMap("select user_id, number, account_id from position where id = ?", onPaper))
                .containsEntry("user_id", joining).containsEntry("number", 2).containsEntry("account_id", joiningPaper);
        assertThat(jdbc.queryForMap("select user_id, account_id from position where id = ?", keptPosition))
                .containsEntry("user_id", kept).containsEntry("account_id", keptPaper);
        assertThat(text(typed(dispatcher, telegram, "/keys"))).doesNotContain("OKX");
    }

    @Test
    void aKeyTheKeptUserReplacedInAnAccountThatCameWithTheLinkStaysWithItOnUnlink() {
        ChatAccount telegram = new ChatAccount(Platform.TELEGRAM, Long.toString(ACCOUNTS.incrementAndGet()), "Trader", "en");
        ChatAccount discord = new ChatAccount(Platform.DISCORD, Long.toString(ACCOUNTS.incrementAndGet()), "Trader", "en");
        Matcher code = CODE.matcher(text(typed(dispatcher, telegram, "/link")));
        assertThat(code.find()).isTrue();
        typed(dispatcher, discord, "/help");
        long kept = userOf(telegram);
        long joining = userOf(discord);
        var joined = new ApiCredentials("READ-key-0201", "s3cret-READ-key-0201", Optional.empty());
        ExchangeAccount inserted = accounts.save(ExchangeAccount.connected(joining, "binance", joined.hint(),
                ExchangeAccount.Permission.READ_ONLY, null, Instant.now()));
        accounts.save(vault.seal(inserted, joined));
        long onBinance = position(joining, inserted.id(), 1);
        var confirm = (Reply.Text) typed(dispatcher, discord, "/link " + code.group(1)).getFirst();
        assertThat(text(pressed(dispatcher, discord, buttonId(confirm.buttons(), "Link")))).startsWith("Linked");

        typed(dispatcher, telegram, "/keys add binance");
        typed(dispatcher, telegram, "READ-key-0202");
        assertThat(((Reply.Text) typed(dispatcher, telegram, "s3cret-READ-key-0202").get(1)).text()).contains("Connected: your Binance key \u20260202");
        assertThat(text(typed(dispatcher, discord, "/unlink"))).startsWith("Unlinked");

        ExchangeAccount row = accounts.findById(inserted.id()).orElseThrow();
        assertThat(row.userId()).as("the kept user's own new key is not given away").isEqualTo(kept);
        assertThat(vault.open(row).key()).isEqualTo("READ-key-0202");
        assertThat(accounts.findByUserIdAndExchange(joining, "binance")).isEmpty();
        assertThat(jdbc.queryForObject("select linked_from_user_id from exchange_account where id = ?", Long.class, inserted.id())).isNull();
        assertThat(jdbc.queryForMap("select user_id, account_id, linked_from_user_id from position where id = ?", onBinance))
                .as("its position stays with its account").containsEntry("user_id", kept).containsEntry("account_id", inserted.id())
                .containsEntry("linked_from_user_id", null);
    }

    private long position(long user, long account, int number) {
        return jdbc.queryForObject("""
                insert into position (user_id, account_id, number, exchange, pair, side, entry, size, source, opened_at)
                values (?, ?, ?, 'paper', 'BTC/USDT', 'LONG', 64000, 0.1, 'MANUAL', now()) returning id""", Long.class, user, account, number);
    }

    private long userOf(ChatAccount account) {
        return jdbc.queryForObject("select user_id from chat_identity where platform = ? and external_id = ?", Long.class,
                account.platform().name(), account.externalId());
    }
}
