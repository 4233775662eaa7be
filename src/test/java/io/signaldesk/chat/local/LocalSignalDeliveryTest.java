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
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A newcomer's path on the local page: subscribe, a signal arrives through the outbox with chart and buttons, "I took it" works.
 * And no stale signal looks fresh: every message shows its issue time; one that already hit its stop, or comes later than
 * its base interval, arrives marked without "I took it"; one older than the signal's maximum age is dropped, not sent.
 */
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
        assertThat(chat.history()).as("the paper position's size question, in this private chat").hasSize(shown + 1).last()
                .extracting(LocalMessage::text).asString().startsWith("Paper position #1 opened from the signal: SHORT SOL/USDT");
        assertThat(jdbc.queryForObject("select count(*) from signal_taken where signal_id = ?", Integer.class, signal)).isEqualTo(1);

        LocalMessage question = chat.history().getLast();
        chat.press(question.id(), question.buttons().getFirst().get(2).id());
        assertThat(jdbc.queryForObject("select size from position where signal_id = ?", java.math.BigDecimal.class, signal))
                .as("the size button reaches /signals and the position: paper equity 10000 × 2 % ÷ |150 − 155|").isEqualByComparingTo("40");
    }

    @Test
    void aSignalThatHitItsStopBeforeItsDeliveryArrivesMarkedLateWithoutTheTookButton() {
        TestSignals.Subscription subscription = subscribed("ADA/USDT");
        Instant issued = Instant.now().minus(20, ChronoUnit.MINUTES);
        long signal = new TestSignals(jdbc, transactions, events).issueAt(subscription,
                new TestSignals.Levels(Action.SELL, 0.7, "0.9", "0.95", "0.8", "stop test"), issued, "STOP_LOSS", "0.95");

        assertThat(delivery(signal)).isEqualTo("SENT ");
        LocalMessage delivered = message("ADA/USDT");
        assertThat(delivered.text()).startsWith("\u23F0 Late \u2014 already hit its stop at 0.95 (")
                .contains("Shown for the record only.").contains("Issued: " + utc(issued));
        assertThat(delivered.buttons().getFirst()).extracting(LocalMessage.LocalButton::label).containsExactly("\uD83D\uDD0E Details");
    }

    @Test
    void aSignalDeliveredLaterThanItsBaseIntervalIsMarkedWithItsAgeAndAFreshOneShowsItsIssueTime() {
        TestSignals signals = new TestSignals(jdbc, transactions, events);
        TestSignals.Subscription late = subscribed("AVAX/USDT");
        Instant lateIssue = Instant.now().minus(Duration.ofMinutes(125).plusSeconds(20));
        long lateSignal = signals.issueAt(late, new TestSignals.Levels(Action.BUY, 0.7, "35", "34", "37", "late test"), lateIssue, "OPEN", null);
        assertThat(delivery(lateSignal)).isEqualTo("SENT ");
        LocalMessage marked = message("AVAX/USDT");
        assertThat(marked.text()).startsWith("\u23F0 Late \u2014 issued 2 h 5 min ago.").contains("Issued: " + utc(lateIssue));
        assertThat(marked.buttons().getFirst()).extracting(LocalMessage.LocalButton::label).containsExactly("\uD83D\uDD0E Details");

        TestSignals.Subscription fresh = subscribed("LINK/USDT");
        Instant freshIssue = Instant.now().minus(3, ChronoUnit.MINUTES);
        long freshSignal = signals.issueAt(fresh, new TestSignals.Levels(Action.BUY, 0.7, "20", "19", "22", "fresh test"), freshIssue, "OPEN", null);
        assertThat(delivery(freshSignal)).isEqualTo("SENT ");
        LocalMessage sent = message("LINK/USDT");
        assertThat(sent.text()).startsWith("\uD83E\uDD16 ").doesNotContain("Late").contains("\uD83D\uDD52 Issued: " + utc(freshIssue) + "\n");
        assertThat(sent.buttons().getFirst()).extracting(LocalMessage.LocalButton::label).containsExactly("\u2705 I took it", "\uD83D\uDD0E Details");
    }

    @Test
    void aSignalOlderThanItsMaximumAgeIsDroppedWithTheReasonAndNeverSent() {
        TestSignals.Subscription subscription = subscribed("TON/USDT");
        Instant issued = Instant.now().minus(Duration.ofHours(5)).truncatedTo(ChronoUnit.MINUTES);
        long signal = new TestSignals(jdbc, transactions, events).issueAt(subscription,
                new TestSignals.Levels(Action.BUY, 0.7, "5.5", "5.3", "6", "too old"), issued, "OPEN", null, "30m");

        assertThat(delivery(signal)).as("a 30m signal may wait the 4h setting (more than three 30m intervals) after its issue")
                .isEqualTo("DROPPED not sent: waited past its expiry at " + utc(issued.plus(Duration.ofHours(4))));
        assertThat(chat.history()).noneMatch(message -> message.text().contains("Pair: TON/USDT"));
    }

    @Test
    void aDailySignalDelayedSixHoursIsDeliveredMarkedLateNotDropped() {
        TestSignals.Subscription subscription = subscribed("BNB/USDT");
        Instant issued = Instant.now().minus(Duration.ofHours(6).plusSeconds(20)).truncatedTo(ChronoUnit.SECONDS);
        long signal = new TestSignals(jdbc, transactions, events).issueAt(subscription,
                new TestSignals.Levels(Action.BUY, 0.7, "7", "6.5", "8", "daily"), issued, "OPEN", null, "1d");

        assertThat(jdbc.queryForObject("select expires_at from delivery where event_key = ?", java.sql.Timestamp.class, "signal:" + signal)
                .toInstant()).as("three 1d intervals after issue").isEqualTo(issued.plus(Duration.ofDays(3)));
        assertThat(delivery(signal)).isEqualTo("SENT ");
        LocalMessage marked = message("BNB/USDT");
        assertThat(marked.text()).as("within its 1d interval it is still fresh").startsWith("\uD83E\uDD16 ").doesNotContain("Late");

        long older = new TestSignals(jdbc, transactions, events).issueAt(subscription,
                new TestSignals.Levels(Action.BUY, 0.7, "7", "6.5", "8", "daily, a day late"), issued.minus(Duration.ofDays(1)), "OPEN", null, "1d");
        assertThat(delivery(older)).as("past one interval but within three: sent marked").isEqualTo("SENT ");
        assertThat(message("BNB/USDT").text()).startsWith("\u23F0 Late \u2014 issued 30 h 0 min ago.");
    }

    private TestSignals.Subscription subscribed(String pair) {
        chat.type("/subscribe sim " + pair + " 1h");
        return new TestSignals(jdbc, transactions, events).subscriptionIn("LOCAL", LocalChat.CHAT_ID, pair);
    }

    private String delivery(long signal) {
        String query = "select status || ' ' || coalesce(last_error, '') from delivery where event_key = ?";
        return await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForList(query, String.class, "signal:" + signal),
                rows -> !rows.isEmpty() && !rows.getFirst().startsWith("PENDING")).getFirst();
    }

    private LocalMessage message(String pair) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> chat.history().stream()
                .filter(message -> message.text().contains("Pair: " + pair)).reduce((first, last) -> last).orElse(null), message -> message != null);
    }

    private static String utc(Instant moment) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC).format(moment) + " UTC";
    }
}
