package io.signaldesk.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.chat.Platform;
import io.signaldesk.subscriptions.SubscriptionsWithoutSender;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows for a chat on a platform with no sender here (Telegram without a token, as in the test context) are never
 * claimed: they age out at the expiry their kind gave them (a kind no longer known too), with the reason; and the subscriptions behind them are named.
 */
@IntegrationTest
class ExpireDeliveriesTest {

    @Autowired
    ExpireDeliveries expire;
    @Autowired
    SubscriptionsWithoutSender withoutSender;
    @Autowired
    JdbcTemplate jdbc;

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @Test
    void pendingRowsPastTheirExpiryAreDroppedWithTheReasonWhateverTheirKindAndOthersWait() {
        long destination = jdbc.queryForObject("insert into chat_destination (platform, chat_id, is_group) values ('TELEGRAM', 'expire-test', false)"
                + " on conflict (platform, chat_id) do update set is_group = false returning id", Long.class);
        jdbc.update("delete from delivery where event_key like 'expire:%'");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        insert("expire:signal-past", destination, "SIGNAL", now.minus(Duration.ofMinutes(10)));
        insert("expire:signal-ahead", destination, "SIGNAL", now.plus(Duration.ofHours(20)));
        insert("expire:notice-ahead", destination, "NOTICE", now.plus(Duration.ofDays(1)));
        insert("expire:notice-past", destination, "NOTICE", now.minus(Duration.ofDays(1)));
        insert("expire:unknown-past", destination, "RETIRED", now.minus(Duration.ofHours(1)));

        expire.execute();

        assertThat(jdbc.queryForList("select event_key || ' ' || status || ' ' || coalesce(last_error, '') from delivery"
                + " where event_key like 'expire:%' order by event_key", String.class)).containsExactly(
                "expire:notice-ahead PENDING ",
                "expire:notice-past DROPPED " + DeliveryMessages.expiredReason(now.minus(Duration.ofDays(1))),
                "expire:signal-ahead PENDING ",
                "expire:signal-past DROPPED not sent: waited past its expiry at " + UTC.format(now.minus(Duration.ofMinutes(10))) + " UTC",
                "expire:unknown-past DROPPED " + DeliveryMessages.expiredReason(now.minus(Duration.ofHours(1))));
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

    private void insert(String key, long destination, String kind, Instant expiresAt) {
        jdbc.update("insert into delivery (event_key, destination_id, kind, payload, created_at, expires_at)"
                + " values (?, ?, ?, '{\"text\":\"x\"}', now() - interval '2 days', ?)", key, destination, kind, Timestamp.from(expiresAt));
    }
}
