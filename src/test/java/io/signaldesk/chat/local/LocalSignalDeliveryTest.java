package io.signaldesk.chat.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.signaldesk.IntegrationTest;
import io.signaldesk.analysis.Action;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.MarketRefresh;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.signals.TestSignals;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** A newcomer's path on the local page: subscribe, a signal arrives through the outbox with chart and buttons, "I took it" works. */
@IntegrationTest
class LocalSignalDeliveryTest {

    @Autowired
    LocalChat chat;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MarketRefresh refresh;
    @Autowired
    MarketInputs markets;

    @Test
    void aSignalForTheLocalChatArrivesOnThePageWithItsChartAndButtons() {
        chat.type("/subscribe sim SOL/USDT 1h");
        refresh.refresh(Set.of(markets.series(ExchangeId.SIM, Symbol.parse("SOL/USDT"), Timeframe.parse("1h").orElseThrow())));

        TestSignals signals = new TestSignals(jdbc, transactions, events);
        long signal = signals.issue(signals.subscriptionIn("LOCAL", LocalChat.CHAT_ID, "SOL/USDT"),
                new TestSignals.Levels(Action.SELL, 0.66, "150", "155", "140", "test"));

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForList(
                "select status || ' ' || coalesce(last_error, '') from delivery where event_key = ?", String.class, "signal:" + signal),
                rows -> !rows.isEmpty() && !rows.getFirst().startsWith("PENDING"));
        assertThat(jdbc.queryForObject("select status || ' ' || coalesce(last_error, '') from delivery where event_key = ?", String.class,
                "signal:" + signal)).isEqualTo("SENT ");
        LocalMessage delivered = await().atMost(Duration.ofSeconds(10)).until(() -> chat.history().stream()
                .filter(message -> message.text().contains("Signal: SELL") && message.text().contains("SOL/USDT")).findFirst().orElse(null),
                message -> message != null);
        assertThat(delivered.image()).matches("local-chat/images/\\d+\\.png");
        assertThat(chat.image(delivered.id())).isPresent();
        assertThat(delivered.buttons().getFirst()).extracting(LocalMessage.LocalButton::label).containsExactly("✅ I took it", "🔎 Details");

        int shown = chat.history().size();
        assertThat(chat.press(delivered.id(), delivered.buttons().getFirst().getFirst().id()))
                .as("the acknowledgement goes to the page that pressed, not into the conversation")
                .containsExactly(new LocalNotice("Noted: you took SELL SOL/USDT at 150. Its outcome appears in /signals.", false));
        assertThat(chat.history()).hasSize(shown);
        assertThat(jdbc.queryForObject("select count(*) from signal_taken where signal_id = ?", Integer.class, signal)).isEqualTo(1);
    }
}
