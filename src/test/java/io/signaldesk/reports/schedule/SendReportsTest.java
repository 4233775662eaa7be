package io.signaldesk.reports.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.Reply;
import io.signaldesk.notifications.NotificationKind;
import io.signaldesk.reports.ReportMetricsFixture;
import io.signaldesk.reports.settings.ReportSettings;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code reports.send-reports} against PostgreSQL: a chat in UTC+7 gets its daily report opened at 16:30 UTC (not a
 * second before), each report written once even with two instances running at the same moment, a quiet chat's empty
 * day skipped, and a chat whose report fails retried after the delay while the others go on. Times are years in the past,
 * so that no other test's rows are due for these runs.
 */
@IntegrationTest
@Import(ReportMetricsFixture.class)
class SendReportsTest {

    @Autowired
    SendReports send;
    @Autowired
    OpenDueReports due;
    @Autowired
    ReportSettings settings;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    List<NotificationKind> kinds;
    @Autowired
    ChatDestinations destinations;

    @Test
    void aChatInUtcPlusSevenGetsItsDailyReportAtHalfPastFourUtcOnce() throws Exception {
        long chat = chatWithSubscription();
        settings.setZone(chat, ZoneId.of("Asia/Ho_Chi_Minh"));

        assertThat(due.open(chat, Instant.parse("2021-03-01T16:29:59Z"))).as("a second early: nothing due within the catch-up").isZero();
        assertThat(due.open(chat, Instant.parse("2021-03-01T16:30:00Z"))).isEqualTo(1);
        assertThat(due.open(chat, Instant.parse("2021-03-01T16:35:00Z"))).as("opened once").isZero();

        Instant now = Instant.parse("2021-03-01T16:35:00Z");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<SendReports.Outcome>> instances = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
            await(start);
            return send.sendDue(now);
        })).toList();
        start.countDown();
        int sent = instances.stream().mapToInt(instance -> instance.join().sent()).sum();

        assertThat(sent).as("two instances, one report").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from delivery where event_key = ?", Integer.class, "report:D:2021-03-01:" + chat))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from delivery where destination_id = ? and kind = 'REPORT'", Integer.class, chat))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select status || ' ' || attempts from report_dispatch where destination_id = ?", String.class, chat))
                .isEqualTo("SENT 1");
        assertThat(send.sendDue(now.plusSeconds(600)).sent()).as("a restart later: still once").isZero();

        NotificationKind report = kinds.stream().filter(kind -> kind.kind().equals("REPORT")).findFirst().orElseThrow();
        assertThat(report.eventType()).isEqualTo("reports");
        String payload = jdbc.queryForObject("select payload::text from delivery where destination_id = ? and kind = 'REPORT'", String.class, chat);
        Reply rendered = report.render(new NotificationKind.Rendering("report:D:2021-03-01:" + chat, payload,
                destinations.find(chat).orElseThrow(), Instant.parse("2021-03-01T16:36:00Z")));
        assertThat(rendered).as("the seeded quiet day, rendered from the stored row at send time").isInstanceOf(Reply.Text.class);
        assertThat(((Reply.Text) rendered).text()).startsWith("📊 Daily report · 2021-03-01 (UTC): nothing to report"); // days of the metrics zone, said so
    }

    @Test
    void aQuietChatsEmptyDayIsSkippedAndAChattyOneGetsItsLine() {
        long quiet = chatWithSubscription();
        long chatty = chatWithSubscription();
        settings.setQuiet(quiet, true);
        Instant now = Instant.parse("2022-05-10T23:35:00Z");
        due.open(quiet, now);
        due.open(chatty, now);

        SendReports.Outcome outcome = send.sendDue(now);

        // the shared database may hold other tests' due rows: this test's two rows are what is certain
        assertThat(outcome.skipped()).isPositive();
        assertThat(outcome.sent()).isPositive();
        assertThat(jdbc.queryForObject("select status from report_dispatch where destination_id = ?", String.class, quiet)).isEqualTo("SKIPPED");
        assertThat(jdbc.queryForObject("select status from report_dispatch where destination_id = ?", String.class, chatty)).isEqualTo("SENT");
        assertThat(jdbc.queryForObject("select count(*) from delivery where destination_id = ? and kind = 'REPORT'", Integer.class, chatty))
                .isEqualTo(1);
    }

    @Test
    void aFailingChatIsRetriedWithinTheHourWithoutStoppingTheOthers() {
        long broken = chatWithSubscription();
        long fine = chatWithSubscription();
        Instant now = Instant.parse("2023-07-03T08:05:00Z");
        jdbc.update("""
                insert into report_dispatch (destination_id, period_kind, period_start, zone, next_try_at, created_at)
                values (?, 'WEEK', '2023-06-26', 'Mars/Olympus_Mons', ?, ?)""", broken, java.sql.Timestamp.from(now.minusSeconds(60)),
                java.sql.Timestamp.from(now.minusSeconds(60)));
        due.open(fine, now);

        SendReports.Outcome first = send.sendDue(now);

        assertThat(first.failed()).isEqualTo(1);
        assertThat(first.sent()).as("the weekly report of the other chat (its daily one fell due too long ago)").isEqualTo(1);
        assertThat(jdbc.queryForObject("select status || ' ' || attempts || ' ' || (next_try_at = ?) from report_dispatch where destination_id = ?",
                String.class, java.sql.Timestamp.from(now.plusSeconds(600)), broken)).isEqualTo("PENDING 1 true");
        assertThat(jdbc.queryForObject("select last_error from report_dispatch where destination_id = ?", String.class, broken))
                .contains("Mars/Olympus_Mons");

        assertThat(send.sendDue(now.plusSeconds(300)).failed()).as("not before its next try").isZero();
        for (int attempt = 2; attempt <= 5; attempt++) {
            assertThat(send.sendDue(now.plusSeconds(600L * (attempt - 1))).failed()).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("select status || ' ' || attempts from report_dispatch where destination_id = ?", String.class, broken))
                .as("given up after five tries within the hour").isEqualTo("FAILED 5");
    }

    private long chatWithSubscription() {
        long destination = jdbc.queryForObject("insert into chat_destination (platform, chat_id, is_group) values ('TELEGRAM', ?, true)"
                + " returning id", Long.class, "report-" + System.nanoTime());
        long user = jdbc.queryForObject("insert into app_user default values returning id", Long.class);
        jdbc.update("insert into subscription (user_id, destination_id, bot_template_id, exchange, primary_pair, timeframes)"
                + " select ?, ?, id, 'sim', 'BTC/USDT', '{1h}' from bot_template order by id limit 1", user, destination);
        return destination;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
