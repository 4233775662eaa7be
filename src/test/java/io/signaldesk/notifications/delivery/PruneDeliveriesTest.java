package io.signaldesk.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class PruneDeliveriesTest {

    @Autowired
    PruneDeliveries prune;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void finishedRowsPastTheRetentionGoPendingAndRecentOnesStay() {
        long destination = jdbc.queryForObject("insert into chat_destination (platform, chat_id, is_group) values ('LOCAL', 'prune-test', false)"
                + " on conflict (platform, chat_id) do update set is_group = false returning id", Long.class);
        insert("prune:old-sent", destination, "SENT", "40 days");
        insert("prune:old-failed", destination, "FAILED", "31 days");
        insert("prune:old-pending", destination, "PENDING", "40 days");
        insert("prune:recent-sent", destination, "SENT", "1 day");

        prune.execute();

        assertThat(jdbc.queryForList("select event_key from delivery where event_key like 'prune:%' order by event_key", String.class))
                .containsExactly("prune:old-pending", "prune:recent-sent");
    }

    private void insert(String key, long destination, String status, String age) {
        jdbc.update("insert into delivery (event_key, destination_id, kind, payload, status, next_attempt_at, created_at)"
                + " values (?, ?, 'NOTICE', '{\"text\":\"x\"}', ?, now() + interval '1 day', now() - ?::interval)", key, destination, status, age);
    }
}
