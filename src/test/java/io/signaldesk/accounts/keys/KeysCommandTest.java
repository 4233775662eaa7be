package io.signaldesk.accounts.keys;

import static io.signaldesk.chat.ChatReplies.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signaldesk.IntegrationTest;
import io.signaldesk.accounts.store.ExchangeAccount;
import io.signaldesk.accounts.store.ExchangeAccounts;
import io.signaldesk.accounts.store.KeyVault;
import io.signaldesk.chat.Button;
import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.ChatReplies;
import io.signaldesk.chat.Conversation;
import io.signaldesk.chat.Incoming;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code /keys} through the real dispatcher, database and {@code SecretBox}, with scripted exchanges
 * ({@link FakeAccountExchanges}): each wizard step asks for a secret and erases the answer, a key is stored only
 * after the exchange said yes and only sealed, refusals store nothing and never repeat the secret.
 */
@IntegrationTest
@Import(FakeAccountExchanges.class)
@TestPropertySource(properties = "signaldesk.secrets.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
class KeysCommandTest {

    private static final AtomicLong ACCOUNTS = new AtomicLong(700_000_000L + System.nanoTime() % 100_000_000L);

    @Autowired
    CommandDispatcher dispatcher;
    @Autowired
    ExchangeAccounts accounts;
    @Autowired
    KeyVault vault;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theWizardAsksForKeyThenSecretErasesEachAnswerAndStoresTheKeyOnlySealed() {
        ChatAccount trader = ChatReplies.trader(ACCOUNTS);

        List<Reply> first = send(trader, "/keys add binance");
        List<Reply> second = send(trader, "READ-key-0001");
        List<Reply> done = send(trader, "s3cret-READ-key-0001");

        assertThat(first).singleElement().isInstanceOfSatisfying(Reply.Prompt.class, prompt -> {
            assertThat(prompt.secret()).isTrue();
            assertThat(prompt.text()).startsWith("Connecting Binance, step 1 of 2: send me the API key");
        });
        assertThat(second).hasSize(2).first().isInstanceOf(Reply.Erase.class);
        assertThat(second.get(1)).isInstanceOfSatisfying(Reply.Prompt.class, prompt -> assertThat(prompt.text()).startsWith("Step 2 of 2"));
        assertThat(done).hasSize(2).first().isInstanceOf(Reply.Erase.class);
        assertThat(((Reply.Text) done.get(1)).text()).startsWith("Connected: your Binance key …0001, read-only. Checked with Binance:"
                + " it cannot withdraw. (as its key restrictions say)").doesNotContain("READ-key", "s3cret");
        ExchangeAccount stored = accounts.findByUserIdAndExchange(userId(trader), "binance").orElseThrow();
        assertThat(stored.permission()).isEqualTo(ExchangeAccount.Permission.READ_ONLY);
        assertThat(stored.apiKey() + stored.apiSecret()).doesNotContain("READ-key", "s3cret").startsWith("v1.");
        assertThat(vault.open(stored).secret()).isEqualTo("s3cret-READ-key-0001");
        assertThat(text(send(trader, "/keys"))).contains("Binance: key …0001, read-only; not synced yet").doesNotContain("READ-key");
    }

    @Test
    void aTradingKeyIsStoredAndMarkedAndOkxAsksForItsPassphraseToo() {
        ChatAccount trader = ChatReplies.trader(ACCOUNTS);

        send(trader, "/keys add okx");
        send(trader, "TRADE-okx-0042");
        List<Reply> third = send(trader, "s3cret-TRADE-okx-0042");
        List<Reply> done = send(trader, "my-passphrase");

        assertThat(((Reply.Prompt) third.get(1)).text()).startsWith("Step 3 of 3: send me the passphrase");
        assertThat(((Reply.Text) done.get(1)).text()).startsWith("Connected: your OKX key …0042, can trade");
        ExchangeAccount stored = accounts.findByUserIdAndExchange(userId(trader), "okx").orElseThrow();
        assertThat(stored.permission()).isEqualTo(ExchangeAccount.Permission.CAN_TRADE);
        assertThat(vault.open(stored).passphrase()).contains("my-passphrase");
    }

    @Test
    void aSecretStartingWithASlashIsTheAnswerNotACommandAndABareCommandStillWorks() {
        ChatAccount trader = ChatReplies.trader(ACCOUNTS);
        send(trader, "/keys add binance");
        send(trader, "/READ-slash-key");

        List<Reply> wrongSecret = send(trader, "/not+the/secret==");
        send(trader, "/keys add binance");
        List<Reply> help = send(trader, "/help");

        assertThat(wrongSecret).hasSize(2).first().isInstanceOf(Reply.Erase.class);
        assertThat(((Reply.Text) wrongSecret.get(1)).text()).startsWith("Binance refused the key").doesNotContain("not+the", "slash-key");
        assertThat(text(help)).startsWith("Commands:");
    }

    @Test
    void aKeyTypedWhereTheExchangeBelongsIsErasedAndNeverRepeated() {
        ChatAccount trader = ChatReplies.trader(ACCOUNTS);

        List<Reply> addKey = send(trader, "/keys add AbCdEfGhIjKlMnOp0123");
        List<Reply> bareKey = send(trader, "/keys AbCdEfGhIjKlMnOp0123");

        for (List<Reply> replies : List.of(addKey, bareKey)) {
            assertThat(replies).hasSize(2).first().isInstanceOf(Reply.Erase.class);
            assertThat(((Reply.Text) replies.get(1)).text()).startsWith("/keys lists your connected exchange keys").doesNotContain("AbCdEf");
        }
    }

    @Test
    void aKeyWhoseWithdrawalsTheExchangeDoesNotReportIsStoredWithAdviceInTheReadersLanguage() {
        ChatAccount trader = new ChatAccount(io.signaldesk.chat.Platform.TELEGRAM, Long.toString(ACCOUNTS.incrementAndGet()), "Lan", "vi");

        String connected = connect(trader, "UNKNOWN-key-0013", "s3cret-UNKNOWN-key-0013");

        assertThat(connected).startsWith("Đã kết nối: khóa Binance …0013, sàn không cho biết quyền của khóa.")
                .contains("Binance không cho biết khóa này có thể rút tiền hay không").doesNotContain("as its key restrictions say");
        assertThat(accounts.findByUserIdAndExchange(userId(trader), "binance").orElseThrow().permission())
                .isEqualTo(ExchangeAccount.Permission.UNKNOWN);
    }

    @Test
    void aKeyThatCanWithdrawAWrongSecretAndAnUnreachableExchangeAreRefusedAndNothingIsStored() {
        ChatAccount trader = ChatReplies.trader(ACCOUNTS);

        String withdraw = connect(trader, "WITHDRAW-key-1", "s3cret-WITHDRAW-key-1");
        String wrong = connect(trader, "READ-key-0002", "not-the-secret");
        String down = connect(trader, "DOWN-key-0003", "s3cret-DOWN-key-0003");

        assertThat(withdraw).startsWith("Refused: this Binance key can withdraw funds. SignalDesk never stores such a key");
        assertThat(wrong).startsWith("Binance refused the key (Binance code -2015: Invalid API-key").contains("Nothing was kept");
        assertThat(down).startsWith("Binance could not be reached to check the key").contains("Nothing was kept");
        assertThat(withdraw + wrong + down).doesNotContain("s3cret", "not-the-secret", "READ-key", "WITHDRAW-key", "DOWN-key");
        assertThat(accounts.findByUserIdOrderByExchange(userId(trader))).isEmpty();
    }

    @Test
    void aKeyTypedInAGroupIsErasedAndRefusedWithAdviceAndNothingIsKept() {
        ChatAccount trader = ChatReplies.trader(ACCOUNTS);
        var group = new Conversation(Platform.TELEGRAM, "-100" + trader.externalId(), true, true);

        List<Reply> pasted = dispatcher.dispatch(new Incoming.Typed(trader, group, "/keys add binance READ-key-0004 s3cret-READ-key-0004"));
        List<Reply> plain = dispatcher.dispatch(new Incoming.Typed(trader, group, "/keys"));

        assertThat(pasted).hasSize(2).first().isInstanceOf(Reply.Erase.class);
        assertThat(((Reply.Text) pasted.get(1)).text()).contains("revoke that key on the exchange").doesNotContain("READ-key", "s3cret");
        assertThat(text(plain)).isEqualTo("/keys works only in a private chat with me, never in a group.");
        assertThat(jdbc.queryForObject("select count(*) from exchange_account a join chat_identity i on i.user_id = a.user_id"
                + " where i.external_id = ?", Integer.class, trader.externalId())).isZero();
    }

    @Test
    void aKeyTypedIntoTheCommandInAPrivateChatIsErasedAndTheWizardOffered() {
        ChatAccount trader = ChatReplies.trader(ACCOUNTS);

        List<Reply> pasted = send(trader, "/keys add binance READ-key-0010 s3cret-READ-key-0010");

        assertThat(pasted).hasSize(2).first().isInstanceOf(Reply.Erase.class);
        assertThat(((Reply.Text) pasted.get(1)).text()).startsWith("Keys are never typed into the command itself").doesNotContain("READ-key");
        assertThat(accounts.findByUserIdOrderByExchange(userId(trader))).isEmpty();
    }

    @Test
    void aWizardForgetsWhatItHadAfterFiveMinutesAndALateSecretIsStillErased() {
        ChatAccount trader = ChatReplies.trader(ACCOUNTS);
        send(trader, "/keys add binance");
        send(trader, "READ-key-0005");

        FakeAccountExchanges.CLOCK.advance(Duration.ofMinutes(5).plusSeconds(1));
        List<Reply> late = send(trader, "s3cret-READ-key-0005");

        assertThat(late).hasSize(2).first().isInstanceOf(Reply.Erase.class);
        assertThat(((Reply.Text) late.get(1)).text()).startsWith("That answer came too late: /keys stopped waiting").doesNotContain("s3cret");
        assertThat(text(send(trader, "s3cret-READ-key-0005"))).startsWith("I answer commands");
        assertThat(accounts.findByUserIdOrderByExchange(userId(trader))).isEmpty();
    }

    @Test
    void aCommandTypedMidWizardDropsItAndBadAnswersAreAskedAgain() {
        ChatAccount trader = ChatReplies.trader(ACCOUNTS);
        send(trader, "/keys add binance");

        List<Reply> spaced = send(trader, "two words");
        send(trader, "/help");

        assertThat(((Reply.Text) spaced.get(1)).text()).startsWith("That does not look like an API key");
        assertThat(spaced.get(2)).isInstanceOf(Reply.Prompt.class);
        assertThat(text(send(trader, "READ-key-0006"))).startsWith("I answer commands");
    }

    @Test
    void removingAKeyAsksFirstAndDeletesItOnlyForItsOwner() {
        ChatAccount trader = ChatReplies.trader(ACCOUNTS);
        ChatAccount other = ChatReplies.trader(ACCOUNTS);
        connect(trader, "READ-key-0007", "s3cret-READ-key-0007");

        Reply.Text confirm = (Reply.Text) send(trader, "/keys remove binance").getFirst();
        Button remove = confirm.buttons().getFirst().getFirst();
        List<Reply> foreign = ChatReplies.pressed(dispatcher, other, remove.id());
        List<Reply> removed = ChatReplies.pressed(dispatcher, trader, remove.id());

        assertThat(confirm.text()).isEqualTo("Remove your Binance key …0007? It is deleted at once, with its balance history.");
        assertThat(foreign).singleElement().isInstanceOf(Reply.Notice.class);
        assertThat(text(removed)).startsWith("Removed: your Binance key …0007 is deleted here.");
        assertThat(accounts.findByUserIdOrderByExchange(userId(trader))).isEmpty();
        assertThat(text(send(trader, "/keys remove binance"))).isEqualTo("You have no Binance key connected. /keys lists yours.");
    }

    @Test
    void aNewKeyReplacesARejectedOneInTheSameAccountAndKeepsItsBalanceHistory() {
        ChatAccount trader = ChatReplies.trader(ACCOUNTS);
        connect(trader, "READ-key-0011", "s3cret-READ-key-0011");
        ExchangeAccount first = accounts.findByUserIdAndExchange(userId(trader), "binance").orElseThrow();
        jdbc.update("update exchange_account set status = 'INVALID', invalid_reason = 'revoked', invalid_since = now() where id = ?", first.id());
        jdbc.update("insert into balance_snapshot (account_id, synced_at, equity_usdt) values (?, now(), 100)", first.id());

        String replaced = connect(trader, "TRADE-key-0012", "s3cret-TRADE-key-0012");

        ExchangeAccount now = accounts.findByUserIdAndExchange(userId(trader), "binance").orElseThrow();
        assertThat(replaced).startsWith("Connected: your Binance key …0012, can trade").endsWith("the account keeps its balance history.");
        assertThat(now.id()).isEqualTo(first.id());
        assertThat(now.status()).isEqualTo(ExchangeAccount.Status.ACTIVE);
        assertThat(now.invalidReason()).isNull();
        assertThat(vault.open(now).key()).isEqualTo("TRADE-key-0012");
        assertThat(jdbc.queryForObject("select count(*) from balance_snapshot where account_id = ?", Integer.class, first.id())).isEqualTo(1);
    }

    @Test
    void aSealedKeyMovedToAnotherRowDoesNotOpen() {
        ChatAccount first = ChatReplies.trader(ACCOUNTS);
        ChatAccount second = ChatReplies.trader(ACCOUNTS);
        connect(first, "READ-key-0008", "s3cret-READ-key-0008");
        connect(second, "READ-key-0009", "s3cret-READ-key-0009");
        ExchangeAccount victim = accounts.findByUserIdAndExchange(userId(second), "binance").orElseThrow();
        ExchangeAccount source = accounts.findByUserIdAndExchange(userId(first), "binance").orElseThrow();

        jdbc.update("update exchange_account set api_secret = ? where id = ?", source.apiSecret(), victim.id());
        ExchangeAccount tampered = accounts.findById(victim.id()).orElseThrow();

        assertThatThrownBy(() -> vault.open(tampered)).hasMessageNotContaining("s3cret").isInstanceOf(IllegalStateException.class);
    }

    private String connect(ChatAccount trader, String key, String secret) {
        send(trader, "/keys add binance");
        send(trader, key);
        List<Reply> replies = send(trader, secret);
        return ((Reply.Text) replies.getLast()).text();
    }

    private List<Reply> send(ChatAccount account, String text) {
        return ChatReplies.typed(dispatcher, account, text);
    }

    private long userId(ChatAccount account) {
        return jdbc.queryForObject("select user_id from chat_identity where platform = 'TELEGRAM' and external_id = ?", Long.class,
                account.externalId());
    }
}
