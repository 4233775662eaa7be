package io.signaldesk.status;

import static io.signaldesk.chat.ChatReplies.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.ChatReplies;
import io.signaldesk.chat.Conversation;
import io.signaldesk.chat.Incoming;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import io.signaldesk.ops.InstanceId;
import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Who sees what of /status: a user their own chat, an operator the whole service, in a group only its admins. */
@IntegrationTest
class StatusCommandTest {

    private static final AtomicLong ACCOUNTS = new AtomicLong(System.nanoTime() / 1000 + 29);
    private static final ChatAccount LOCAL = new ChatAccount(Platform.LOCAL, "local", "You", "en");

    @Autowired
    CommandDispatcher dispatcher;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    InstanceId instance;

    @Test
    void aUserSeesTheirChatsDataAndWaitingMessagesButNoHostPidOthersBacklogOrRawErrors() throws Exception {
        ChatAccount trader = account();
        ChatAccount other = account();
        ChatReplies.typed(dispatcher, trader, "/subscribe sim LINK/USDT 12h");
        ChatReplies.typed(dispatcher, other, "/subscribe sim TON/USDT 12h");
        jdbc.update("""
                insert into candle_series (exchange, market_type, symbol, timeframe, last_attempt_at, last_error, consecutive_failures)
                values ('sim', 'PERPETUAL', 'LINK/USDT', '12h', now(), 'Connection refused: internal-db-7.example:5432', 3)
                on conflict (exchange, market_type, symbol, timeframe) do update set last_error = excluded.last_error,
                       last_closed_open_time = null""");
        pending(trader, 2);
        pending(other, 5);

        String mine = text(ChatReplies.typed(dispatcher, trader, "/status"));

        assertThat(mine).isEqualTo("""
                SignalDesk status for this chat
                Market data of this chat's subscriptions: 1 series, 0 up to date, 1 late
                • late: sim LINK/USDT 12h perp (no candle yet)
                Messages waiting for this chat: 2 (the oldest for 0 min).""");
        assertThat(mine).doesNotContain(instance.value()).doesNotContain(InetAddress.getLocalHost().getHostName())
                .doesNotContain(Long.toString(ProcessHandle.current().pid())).doesNotContain("internal-db-7").doesNotContain("Outbox")
                .doesNotContain("LLM");
        jdbc.update("delete from delivery where event_key like 'status-test-%'");
        assertThat(text(ChatReplies.typed(dispatcher, account(), "/status"))).isEqualTo("""
                SignalDesk status for this chat
                This chat has no active subscription, so no market data to watch. /subscribe starts one.
                No messages waiting for this chat.""");
    }

    @Test
    void anOperatorSeesTheWholeService() {
        String status = text(ChatReplies.typed(dispatcher, LOCAL, "/status"));

        assertThat(status).startsWith("SignalDesk status (instance " + instance.value() + ")").contains("Database: reachable")
                .containsPattern("Outbox: \\d+ messages waiting").contains("Last job runs:").contains("LLM analyst: off");
    }

    @Test
    void inAGroupOnlyItsAdminsMayAskAndTheyGetTheGroupsOwnView() {
        String group = "-" + ACCOUNTS.incrementAndGet();
        ChatAccount admin = account();
        ChatAccount member = account();
        var asAdmin = new Conversation(Platform.TELEGRAM, group, true, true);
        var asMember = new Conversation(Platform.TELEGRAM, group, true, false);
        dispatcher.dispatch(new Incoming.Typed(admin, asAdmin, "/subscribe sim AVAX/USDT 12h"));

        assertThat(text(dispatcher.dispatch(new Incoming.Typed(member, asMember, "/status"))))
                .isEqualTo("Only this group's admins can use /status here.");
        assertThat(text(dispatcher.dispatch(new Incoming.Typed(admin, asAdmin, "/status")))).startsWith("SignalDesk status for this chat\n"
                + "Market data of this chat's subscriptions: 1 series").doesNotContain(instance.value());
        assertThat(text(dispatcher.dispatch(new Incoming.Typed(LOCAL, asAdmin, "/status")))).as("an operator in a group: everyone reads it")
                .startsWith("SignalDesk status for this chat\n").doesNotContain(instance.value());
    }

    private void pending(ChatAccount account, int count) {
        for (int i = 0; i < count; i++) {
            jdbc.update("""
                    insert into delivery (event_key, destination_id, kind, payload)
                    select 'status-test-' || gen_random_uuid(), d.id, 'SIGNAL', '{}'::jsonb from chat_destination d
                     where d.platform = 'TELEGRAM' and d.chat_id = ?""", account.externalId());
        }
    }

    private static ChatAccount account() {
        return new ChatAccount(Platform.TELEGRAM, Long.toString(ACCOUNTS.incrementAndGet()), "Trader", "en");
    }
}
