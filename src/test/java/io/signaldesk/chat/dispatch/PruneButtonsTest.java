package io.signaldesk.chat.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class PruneButtonsTest {

    @Autowired
    PruneButtons prune;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void buttonsExpiredOverADayAgoGoTheOthersStay() {
        jdbc.update("insert into chat_button (id, user_id, command, payload, expires_at) values"
                + " ('pruneOLD0001', null, 'signals', 'x', now() - interval '2 days'),"
                + " ('pruneLATE001', null, 'signals', 'x', now() - interval '2 hours'),"
                + " ('pruneLIVE001', null, 'signals', 'x', now() + interval '2 hours')");

        prune.execute();

        assertThat(jdbc.queryForList("select id from chat_button where id like 'prune%' order by id", String.class))
                .containsExactly("pruneLATE001", "pruneLIVE001");
    }
}
