package io.signaldesk.chat.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.Conversation;
import io.signaldesk.chat.Incoming;
import io.signaldesk.chat.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V15 splits the one user that every group's anonymous admins used to share (the GroupAnonymousBot
 * account) into one user per group, each taking the subscriptions made in its group. The old state is
 * made the way the old adapter made it: commands from the shared account in two groups.
 */
@IntegrationTest
class AnonymousAdminsMigrationTest {

    private static final AtomicLong GROUPS = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private static final ChatAccount SHARED = new ChatAccount(Platform.TELEGRAM, "1087968824", "GroupAnonymousBot", "vi");

    @Autowired
    CommandDispatcher dispatcher;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSharedAnonymousAdminBecomesOneUserPerGroupKeepingEachGroupsSubscriptions() throws Exception {
        String group = "-" + GROUPS.incrementAndGet();
        String otherGroup = "-" + GROUPS.incrementAndGet();
        subscribe(group, "BTC/USDT");
        subscribe(otherGroup, "ETH/USDT");
        long shared = userOf("1087968824");
        try {
            jdbc.execute(Files.readString(Path.of("db/migration/V15__anonymous_admins_per_group.sql")));

            long inGroup = userOf(group);
            long inOtherGroup = userOf(otherGroup);
            assertThat(List.of(inGroup, inOtherGroup)).doesNotContain(shared).doesNotHaveDuplicates();
            assertThat(ownersIn(group)).containsExactly(inGroup);
            assertThat(ownersIn(otherGroup)).containsExactly(inOtherGroup);
            assertThat(jdbc.queryForObject("select language from app_user where id = ?", String.class, inGroup)).isEqualTo("vi");
        } finally {
            jdbc.update("delete from app_user where id in (select user_id from chat_identity where platform = 'TELEGRAM'"
                    + " and external_id in ('1087968824', ?, ?))", group, otherGroup);
        }
    }

    private void subscribe(String group, String pair) {
        dispatcher.dispatch(new Incoming.Typed(SHARED, new Conversation(Platform.TELEGRAM, group, true, true), "/subscribe sim " + pair + " 1h"));
    }

    private long userOf(String externalId) {
        return jdbc.queryForObject("select user_id from chat_identity where platform = 'TELEGRAM' and external_id = ?", Long.class, externalId);
    }

    private List<Long> ownersIn(String group) {
        return jdbc.queryForList("select s.user_id from subscription s join chat_destination d on d.id = s.destination_id"
                + " where d.platform = 'TELEGRAM' and d.chat_id = ?", Long.class, group);
    }
}
