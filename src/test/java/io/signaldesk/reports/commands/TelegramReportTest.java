package io.signaldesk.reports.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.signaldesk.IntegrationTest;
import io.signaldesk.chat.ChatDestinations;
import io.signaldesk.chat.Platform;
import io.signaldesk.chat.telegram.StubBotApi;
import io.signaldesk.reports.ReportMetricsFixture;
import io.signaldesk.reports.settings.ReportSettings;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code /report} and {@code /timezone} end to end through the real Telegram client and long polling against
 * {@link StubBotApi}: {@code /report week} answers with a photo (the chart) captioned with the week's report from the
 * seeded metrics, in the chat's zone; an unknown period or zone gets a clear answer with examples and changes nothing.
 */
@IntegrationTest
@Import(ReportMetricsFixture.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TelegramReportTest {

    private static final String TOKEN = "424242:REPORT-token";
    private static final AtomicLong USERS = new AtomicLong(830_000_000L + System.nanoTime() % 100_000_000L);
    private static final StubBotApi TELEGRAM = StubBotApi.started(TOKEN);

    @Autowired
    ReportMetricsFixture.Seeded metrics;
    @Autowired
    ChatDestinations destinations;
    @Autowired
    ReportSettings settings;

    @DynamicPropertySource
    static void telegram(DynamicPropertyRegistry registry) {
        registry.add("signaldesk.chat.telegram-bot-token", () -> TOKEN);
        registry.add("signaldesk.chat.telegram.api-url", TELEGRAM::url);
        registry.add("signaldesk.chat.telegram.poll-timeout", () -> "1s");
    }

    @AfterAll
    static void stop() {
        TELEGRAM.close();
    }

    @Test
    void reportWeekAnswersWithTheChartAndTheWeeksReport() {
        long user = USERS.incrementAndGet();
        long chat = destinations.privateChatOf(Platform.TELEGRAM, Long.toString(user)).id();
        ZoneId zone = ZoneId.of("Asia/Ho_Chi_Minh");
        settings.setZone(chat, zone);
        LocalDate monday = LocalDate.now(zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        metrics.put(ReportMetricsFixture.busy(chat, monday, monday.plusDays(6), false));

        TELEGRAM.message(user, user, "en", "/report week");

        StubBotApi.Call photo = await().atMost(Duration.ofSeconds(15)).until(() -> TELEGRAM.calls("sendPhoto").stream()
                .filter(call -> call.chatId().equals(Long.toString(user))).findFirst().orElse(null), call -> call != null);
        assertThat(photo.params().path("photo").asString()).matches("<\\d+ bytes>");
        assertThat(photo.text()).startsWith("📊 Weekly report · " + monday + " to " + monday.plusDays(6) + " (UTC)") // the metrics zone's days, said so
                .contains("Signals: 4 issued, 3 closed (2 take-profit, 1 stop-loss, 0 expired), 1 not filled.")
                .contains("• Trend follower Binance ETH/USDT: 1 · 1/0/0 · +2.00")
                .contains("Best: Trend follower Binance ETH/USDT, take-profit, +2.00 R");
    }

    @Test
    void anUnknownPeriodOrZoneIsAnsweredWithExamplesAndChangesNothing() {
        long user = USERS.incrementAndGet();
        long chat = destinations.privateChatOf(Platform.TELEGRAM, Long.toString(user)).id();

        TELEGRAM.message(user, user, "en", "/report fortnight");
        assertThat(reply(user, "“fortnight”")).contains("Use day, week or month, e.g. /report week");
        TELEGRAM.message(user, user, "en", "/timezone Mars/Olympus");
        assertThat(reply(user, "“Mars/Olympus”")).contains("e.g. /timezone Asia/Ho_Chi_Minh").contains("Nothing was changed.");
        assertThat(settings.of(chat).chosen()).isFalse();

        TELEGRAM.message(user, user, "en", "/timezone asia/ho_chi_minh");
        assertThat(reply(user, "Time zone set to Asia/Ho_Chi_Minh")).contains("23:30");
        assertThat(settings.of(chat).zone()).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    private static String reply(long chat, String startsWith) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> TELEGRAM.calls("sendMessage").stream()
                .filter(call -> call.chatId().equals(Long.toString(chat)) && call.text().startsWith(startsWith))
                .findFirst().map(StubBotApi.Call::text).orElse(null), text -> text != null);
    }
}
