package io.signaldesk.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.chat.Platform;
import io.signaldesk.subscriptions.SubscriptionsWithoutSender;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows for a chat on a platform with no sender here (Telegram without a token, as in the test context) are never
 * claimed: they age out by their kind's maximum age, with the reason; and the subscriptions behind them are named.
 */
@IntegrationTest
class ExpireDeliveriesTest {

    @Autowired
    ExpireDeliveries expire;
    @Autowired
    SubscriptionsWithoutSender withoutSender;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void pendingRowsPastTheirKindsMaximumAgeAreDroppedWithTheReasonAndYoungerOnesWait() {
        long destination = jdbc.queryForObject("insert into chat_destination (platform, chat_id, is_group) values ('TELEGRAM', 'expire-test', false)"
                + " on conflict (platform, chat_id) do update set is_group = false returning id", Long.class);
        jdbc.update("delete from delivery where event_key like 'expire:%'");
        insert("expire:signal-5h", destination, "SIGNAL", "5 hours");
        insert("expire:signal-3h", destination, "SIGNAL", "3 hours");
        insert("expire:notice-2d", destination, "NOTICE", "2 days");
        insert("expire:notice-4d", destination, "NOTICE", "4 days");

        expire.execute();

        assertThat(jdbc.queryForList("select event_key || ' ' || status || ' ' || coalesce(last_error, '') from delivery"
                + " where event_key like 'expire:%' order by event_key", String.class)).containsExactly(
                "expire:notice-2d PENDING ",
                "expire:notice-4d DROPPED not sent: waited longer than the 72h a NOTICE message may wait",
                "expire:signal-3h PENDING ",
                "expire:signal-5h DROPPED not sent: waited longer than the 4h a SIGNAL message may wait");
    }

    @Test
    void activeSubscriptionsOnAPlatformWithNoSenderAreCountedWithWhatToSet() {
        long destination = jdbc.queryForObject("insert into chat_destination (platform, chat_id, is_group) values ('TELEGRAM', ?, false)"
                + " returning id", Long.class, "no-sender-" + System.nanoTime());
        long user = jdbc.queryForObject("insert into app_user default values returning id", Long.class);
        int before = withoutSender.byPlatform().getOrDefault(Platform.TELEGRAM, 0);
        jdbc.update("insert into subscription (user_id, destination_id, bot_template_id, exchange, primary_pair, timeframes)"
                + " select ?, ?, id, 'sim', 'DOGE/USDT', '{1h}' from bot_template order by id limit 1", user, destination);

        assertThat(withoutSender.byPlatform()).containsEntry(Platform.TELEGRAM, before + 1).doesNotContainKey(Platform.LOCAL);
        assertThat(withoutSender.summary()).contains("TELEGRAM " + (before + 1) + " (set TELEGRAM_BOT_TOKEN)");
    }

    private void insert(String key, long destination, String kind, String age) {
        jdbc.update("insert into delivery (event_key, destination_id, kind, payload, created_at)"
                + " values (?, ?, ?, '{\"text\":\"x\"}', now() - ?::interval)", key, destination, kind, age);
    }
}
