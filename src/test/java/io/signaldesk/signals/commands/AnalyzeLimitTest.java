package io.signaldesk.signals.commands;

import static io.signaldesk.chat.ChatReplies.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.ChatReplies;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.Reply;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The per-user hourly cap of /analyze through the real dispatcher. */
@IntegrationTest
class AnalyzeLimitTest {

    private static final AtomicLong ACCOUNTS = new AtomicLong(System.nanoTime() / 1000 + 17);

    @Autowired
    CommandDispatcher dispatcher;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theEleventhAnalysisInAnHourIsRefusedNamingTheLimitAndWhenTheNextIsPossible() {
        ChatAccount trader = account();
        assertThat(send(trader, "/analyze sim BTC/USDT 1h,4h").getFirst()).isInstanceOf(Reply.Photo.class);
        long user = jdbc.queryForObject("select user_id from chat_identity where platform = 'TELEGRAM' and external_id = ?", Long.class,
                trader.externalId());
        Instant earlier = Instant.now().minus(50, ChronoUnit.MINUTES);
        for (int i = 0; i < 9; i++) {
            jdbc.update("insert into analyze_request (user_id, requested_at) values (?, ?)", user, Timestamp.from(earlier.plusSeconds(i)));
        }

        assertThat(text(send(trader, "/analyze sim ETH/USDT"))).isEqualTo(("You have asked for 10 analyses in the last hour, the most one"
                + " user may. The next is possible at %s UTC. Subscriptions analyse every candle without this limit: /subscribe.")
                .formatted(DateTimeFormatter.ofPattern("HH:mm").format(earlier.plus(1, ChronoUnit.HOURS).atZone(ZoneOffset.UTC))));
        assertThat(text(send(trader, "/analyze sim"))).as("bad input is answered before it counts").startsWith("Tell me the exchange");
        assertThat(jdbc.queryForObject("select count(*) from analyze_request where user_id = ?", Integer.class, user)).isEqualTo(10);

        jdbc.update("update analyze_request set requested_at = requested_at - interval '1 hour' where user_id = ? and requested_at < ?",
                user, Timestamp.from(earlier.plusSeconds(1)));
        assertThat(send(trader, "/analyze sim ETH/USDT 1h").getFirst()).as("an hour after the oldest, one more is allowed")
                .isInstanceOf(Reply.Photo.class);
    }

    @Test
    void badInputUnderTheCapIsAnsweredAndDoesNotCount() {
        ChatAccount trader = account();
        assertThat(text(send(trader, "/analyze sim"))).startsWith("Tell me the exchange");
        assertThat(text(send(trader, "/analyze sim NOPE/USDT"))).doesNotStartWith("You have asked");
        assertThat(text(send(trader, "/analyze nowhere BTC/USDT"))).doesNotStartWith("You have asked");
        long user = jdbc.queryForObject("select user_id from chat_identity where platform = 'TELEGRAM' and external_id = ?", Long.class,
                trader.externalId());

        assertThat(jdbc.queryForObject("select count(*) from analyze_request where user_id = ?", Integer.class, user)).isZero();
        assertThat(send(trader, "/analyze sim BTC/USDT 1h").getFirst()).isInstanceOf(Reply.Photo.class);
        assertThat(jdbc.queryForObject("select count(*) from analyze_request where user_id = ?", Integer.class, user)).isEqualTo(1);
    }

    private List<Reply> send(ChatAccount account, String text) {
        return ChatReplies.typed(dispatcher, account, text);
    }

    private static ChatAccount account() {
        return new ChatAccount(Platform.TELEGRAM, Long.toString(ACCOUNTS.incrementAndGet()), "Trader", "en");
    }
}
