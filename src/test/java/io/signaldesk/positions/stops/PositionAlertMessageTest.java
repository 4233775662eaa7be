package io.signaldesk.positions.stops;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.chat.Button;
import io.signaldesk.chat.ChatAccount;
import io.signaldesk.chat.ChatDestination;
import io.signaldesk.chat.ChatReplies;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.Reply;
import io.signaldesk.notifications.NotificationKind;
import io.signaldesk.chat.dispatch.CommandDispatcher;
import io.signaldesk.positions.PositionLevelCrossed;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** A crossed level becomes one alert per private chat, in the owner's language, with its buttons unless it closed itself. */
@IntegrationTest
class PositionAlertMessageTest {

    private static final AtomicLong ACCOUNTS = new AtomicLong(860_000_000L + System.nanoTime() % 100_000_000L);
    private static final AtomicLong POSITIONS = new AtomicLong(-System.nanoTime() % 1_000_000_000L - 1_000_000_000L);

    @Autowired
    CommandDispatcher dispatcher;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    PositionAlertMessage message;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anExchangePositionsAlertIsInTheOwnersLanguageWithClosedItAndStillOpen() {
        ChatAccount trader = ChatReplies.trader(ACCOUNTS);
        ChatReplies.typed(dispatcher, trader, "/language vi");
        long user = userOf(trader);
        long position = POSITIONS.decrementAndGet();

        publish(new PositionLevelCrossed(position, user, 7, "ETH/USDT", "SHORT", "STOP", new BigDecimal("3600"),
                Instant.parse("2026-12-07T10:05:00Z"), new BigDecimal("-50.0"), new BigDecimal("-1"), false));
        publish(new PositionLevelCrossed(position, user, 7, "ETH/USDT", "SHORT", "STOP", new BigDecimal("3600"),
                Instant.parse("2026-12-07T10:05:00Z"), new BigDecimal("-50.0"), new BigDecimal("-1"), false));

        Reply.Text text = (Reply.Text) message.render(delivery(trader, position));
        assertThat(text.text()).contains("Vị thế #7 ETH/USDT SHORT").contains("mức cắt lỗ 3600").contains("2026-12-07 10:05 UTC")
                .contains("-50.00 USDT").contains("-1.00R").contains("Đã đóng");
        assertThat(text.buttons()).hasSize(1);
        assertThat(text.buttons().getFirst()).extracting(Button::label).containsExactly("Đã đóng", "Vẫn mở");
    }

    @Test
    void aPaperPositionThatClosedItselfIsToldWithoutButtons() {
        ChatAccount trader = ChatReplies.trader(ACCOUNTS);
        ChatReplies.typed(dispatcher, trader, "/stops");
        long position = POSITIONS.decrementAndGet();

        publish(new PositionLevelCrossed(position, userOf(trader), 2, "BTC/USDT", "LONG", "TP2", new BigDecimal("99000"),
                Instant.parse("2026-12-07T10:05:00Z"), new BigDecimal("40"), null, true));

        Reply.Text text = (Reply.Text) message.render(delivery(trader, position));
        assertThat(text.text()).contains("Position #2 BTC/USDT LONG: target 2 99000").contains("+40.00 USDT").contains("no R (no stop)")
                .contains("closed itself");
        assertThat(text.buttons()).isEmpty();
    }

    @Test
    void aRowWrittenWithItsTextBeforeAlertsWereRenderedAtSendTimeStillGoesOutAsWritten() {
        ChatAccount trader = ChatReplies.trader(ACCOUNTS);
        ChatReplies.typed(dispatcher, trader, "/stops");
        long user = userOf(trader);
        String payload = "{\"text\":\"Position #3 stop crossed\",\"userId\":" + user
                + ",\"closedIt\":\"closed|3|STOP\",\"stillOpen\":\"open|3|STOP\"}";

        Reply.Text text = (Reply.Text) message.render(new NotificationKind.Rendering("position-alert:3:STOP", payload,
                new ChatDestination(1, Platform.TELEGRAM, trader.externalId(), false, true), Instant.now()));

        assertThat(text.text()).isEqualTo("Position #3 stop crossed");
        assertThat(text.buttons().getFirst()).extracting(Button::label).containsExactly("Closed it", "Still open");
    }

    private void publish(PositionLevelCrossed crossed) {
        transactions.executeWithoutResult(status -> events.publishEvent(crossed));
    }

    private long userOf(ChatAccount trader) {
        return jdbc.queryForObject("select user_id from chat_identity where platform = 'TELEGRAM' and external_id = ?", Long.class,
                trader.externalId());
    }

    /** The only delivery of the position's alert (a second event with the same key adds none). */
    private NotificationKind.Rendering delivery(ChatAccount trader, long position) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select d.id, d.destination_id, d.kind, d.payload::text as payload from delivery d
                  join chat_destination c on c.id = d.destination_id
                 where c.chat_id = ? and d.event_key like ?""", trader.externalId(), "position-alert:" + position + ":%");
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.getFirst();
        assertThat(row).containsEntry("kind", PositionAlertMessage.KIND);
        return new NotificationKind.Rendering("position-alert", (String) row.get("payload"),
                new ChatDestination((Long) row.get("destination_id"), Platform.TELEGRAM, trader.externalId(), false, true), Instant.now());
    }
}
