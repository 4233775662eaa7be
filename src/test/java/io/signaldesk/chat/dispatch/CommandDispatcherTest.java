package io.signaldesk.chat.dispatch;

import static io.signaldesk.chat.ChatReplies.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.chat.Button;
import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.ChatReplies;
import io.signaldesk.chat.Conversation;
import io.signaldesk.chat.Incoming;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.Reply;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The dispatcher with the real catalog, commands, texts and database, as every adapter uses it. */
@IntegrationTest
class CommandDispatcherTest {

    private static final AtomicLong ACCOUNTS = new AtomicLong(System.nanoTime());

    @Autowired
    CommandDispatcher dispatcher;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theFirstMessageRegistersTheUserOnceAndStartWelcomesThem() {
        ChatAccount account = account("en");

        String welcome = text(send(account, "/start"));
        send(account, "/start@SignalDeskBot");

        assertThat(welcome).startsWith("Welcome to SignalDesk").contains("/help");
        assertThat(jdbc.queryForObject("select count(*) from chat_identity where platform = 'TELEGRAM' and external_id = ?",
                Integer.class, account.externalId())).isEqualTo(1);
    }

    @Test
    void aVietnameseAccountIsAnsweredInVietnameseAndHelpListsWhatWorksAndWhatIsComing() {
        String help = text(send(account("vi-VN"), "/help"));

        assertThat(help).startsWith("Các lệnh:").contains("/language [language] — Chọn ngôn ngữ trả lời")
                .contains("/rebalance");
    }

    @Test
    void helpForOneCommandShowsItsOptionsAndWhoMayUseIt() {
        String help = text(send(account("en"), "/help news"));

        assertThat(help).startsWith("/news [pair] [limit]").contains("\nLatest crypto market headlines")
                .contains("• limit (optional): How many headlines, 1 to 20").contains("Anyone can use it, in a private chat or a group.")
                .doesNotContain("Not available yet.");
        assertThat(text(send(account("en"), "/help rebalance"))).as("available since issue 19").startsWith("/rebalance")
                .doesNotContain("Not available yet.");
        assertThat(text(send(account("en"), "/help backtest"))).startsWith("/backtest <exchange> <pair> [timeframes] [days] [bot=<bot>]")
                .contains("• days (optional): Days of history (default 180, at most 730)").doesNotContain("Not available yet.");
        assertThat(text(send(account("en"), "/help risk"))).startsWith("/risk [rule] [value] [subscription]")
                .contains("In a group, only its admins can use it.").doesNotContain("Not available yet.");
    }

    @Test
    void badInputGetsAClearAnswerWithAnExampleAndChangesNothing() {
        ChatAccount account = account("en");
        send(account, "/start");
        long userId = userId(account);

        assertThat(text(send(account, "/subscrbe binance BTC/USDT"))).isEqualTo(
                "/subscrbe is not a command I know. Did you mean /subscribe? Send /help to see them all.");
        assertThat(text(send(account, "/xyzzy"))).isEqualTo("/xyzzy is not a command I know. Send /help to see the commands.");
        assertThat(text(send(account, "hello there"))).isEqualTo("I answer commands, which start with /. Send /help to see them.");
        assertThat(text(send(account, "/" + "x".repeat(5_000)))).isEqualTo(
                "That message has 5,001 characters; a command has at most 4,096. Example: /subscribe binance BTC/USDT 30m,1h,4h");
        assertThat(text(send(account, "/language en'; drop table app_user; --"))).isEqualTo(
                "'en'; drop table app_…' is not a language I speak. Send /language en for English or /language vi for Vietnamese.");
        assertThat(text(send(account, "/help <b>help</b>"))).isEqualTo("There is no command /<b>help</b>. Send /help to see them all.");
        assertThat(text(send(account, "/rebalance"))).as("no account yet: how to get one").contains("/keys add").contains("/rebalance paper");
        assertThat(jdbc.queryForObject("select language from app_user where id = ?", String.class, userId)).isEqualTo("en");
        assertThat(jdbc.queryForObject("select count(*) from chat_button where user_id = ?", Integer.class, userId)).isZero();
    }

    @Test
    void aButtonWorksForItsOwnerOnlyAndNotWhenForgedOrExpired() {
        ChatAccount owner = account("en");
        ChatAccount stranger = account("en");
        Reply.Text choose = (Reply.Text) send(owner, "/language").getFirst();
        Button vietnamese = choose.buttons().getFirst().get(1);

        List<Reply> byStranger = press(stranger, vietnamese.id());
        List<Reply> forged = press(owner, "AAAAAAAAAAAA");
        List<Reply> byOwner = press(owner, vietnamese.id());
        jdbc.update("update chat_button set expires_at = now() - interval '1 second' where id = ?", vietnamese.id());
        List<Reply> late = press(owner, vietnamese.id());

        assertThat(choose.text()).isEqualTo("Choose the language of my replies:");
        assertThat(choose.buttons().getFirst()).extracting(Button::label).containsExactly("English", "Tiếng Việt");
        assertThat(vietnamese.id()).hasSize(12);
        assertThat(byStranger).as("a refusal is a private notice, never a message into the chat").containsExactly(
                new Reply.Notice("This button belongs to someone else's message. Send /language to get your own.", true));
        assertThat(forged).containsExactly(
                new Reply.Notice("I do not know this button (it may be from an old message). Send the command again.", true));
        assertThat(byOwner).containsExactly(new Reply.Edit("Từ giờ tôi sẽ trả lời bằng tiếng Việt.", List.of()));
        assertThat(late).containsExactly(new Reply.Notice("Nút này đã hết hạn. Hãy gửi lại /language.", true));
        assertThat(jdbc.queryForObject("select language from app_user where id = ?", String.class, userId(stranger))).isEqualTo("en");
    }

    @Test
    void aButtonShownToAGroupsAnonymousAdminsWorksForAnAdminOfThatGroupOnlyAndActsForThem() {
        String group = "-" + ACCOUNTS.incrementAndGet();
        String otherGroup = "-" + ACCOUNTS.incrementAndGet();
        ChatAccount anonymous = new ChatAccount(Platform.TELEGRAM, group, "Traders", null);
        ChatAccount otherAnonymous = new ChatAccount(Platform.TELEGRAM, otherGroup, "Others", null);
        Conversation inGroup = new Conversation(Platform.TELEGRAM, group, true, true);
        ChatAccount admin = account("en");
        Reply.Text choose = (Reply.Text) dispatcher.dispatch(new Incoming.Typed(anonymous, inGroup, "/language")).getFirst();
        dispatcher.dispatch(new Incoming.Typed(otherAnonymous, new Conversation(Platform.TELEGRAM, otherGroup, true, true), "/start"));
        String vietnamese = choose.buttons().getFirst().get(1).id();

        List<Reply> byAdminOfAnotherGroup = dispatcher.dispatch(new Incoming.Pressed(admin, inGroup, vietnamese, java.util.Optional.of(otherAnonymous)));
        List<Reply> byAdmin = dispatcher.dispatch(new Incoming.Pressed(admin, inGroup, vietnamese, java.util.Optional.of(anonymous)));

        assertThat(byAdminOfAnotherGroup).containsExactly(
                new Reply.Notice("This button belongs to someone else's message. Send /language to get your own.", true));
        assertThat(byAdmin).containsExactly(new Reply.Edit("Từ giờ tôi sẽ trả lời bằng tiếng Việt.", List.of()));
        assertThat(jdbc.queryForObject("select language from app_user where id = ?", String.class, userId(anonymous)))
                .as("the setting belongs to the group's anonymous admins").isEqualTo("vi");
        assertThat(jdbc.queryForObject("select language from app_user where id = ?", String.class, userId(admin))).isEqualTo("en");
        assertThat(userId(anonymous)).isNotEqualTo(userId(otherAnonymous));
    }

    @Test
    void statusTellsAnOperatorTheInstanceDataFreshnessTheLastJobRunsAndTheLlmSpend() {
        jdbc.update("insert into job_run (job_name, instance_id, started_at, finished_at, outcome, items_processed)"
                + " values ('status-test.job', 'instance-s', now() - interval '3 minutes', now(), 'SUCCEEDED', 42)");

        String status = text(send(new ChatAccount(Platform.LOCAL, "local", "You", "en"), "/status"));

        assertThat(status).startsWith("SignalDesk status (instance ").contains("Database: reachable")
                .containsPattern("Market data: (no series yet|\\d+ series, \\d+ fresh, \\d+ stale)")
                .containsPattern("Outbox: [\\d,]+ messages waiting \\(oldest [\\d,]+ min\\), [\\d,]+ given up in the last day.")
                .contains("Last job runs:").contains("• status-test.job: succeeded, 3 min ago, items 42")
                .contains("LLM analyst: off; the technical analyst answers for every bot.");
    }

    @Test
    void aUserSendingTooFastIsAskedToSlowDown() {
        ChatAccount account = account("en");
        for (int i = 0; i < 20; i++) {
            assertThat(text(send(account, "/start"))).startsWith("Welcome");
        }

        assertThat(text(send(account, "/start"))).isEqualTo("Slow down: at most 20 commands a minute. Try again in a minute.");
        assertThat(text(send(account("en"), "/start"))).as("others are not slowed").startsWith("Welcome");
    }

    private List<Reply> send(ChatAccount account, String text) {
        return ChatReplies.typed(dispatcher, account, text);
    }

    private List<Reply> press(ChatAccount account, String buttonId) {
        return ChatReplies.pressed(dispatcher, account, buttonId);
    }

    private long userId(ChatAccount account) {
        return jdbc.queryForObject("select user_id from chat_identity where platform = 'TELEGRAM' and external_id = ?", Long.class,
                account.externalId());
    }

    private static ChatAccount account(String languageCode) {
        return new ChatAccount(Platform.TELEGRAM, Long.toString(ACCOUNTS.incrementAndGet()), "Trader", languageCode);
    }

}
