package io.signaldesk.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.chat.LocalizedText;
import io.signaldesk.chat.Reply;
import io.signaldesk.portfolio.PortfolioRisk;
import io.signaldesk.reports.ReportMetricsFixture;
import io.signaldesk.reports.metrics.ChatMetrics;
import io.signaldesk.reports.metrics.UserDay;
import io.signaldesk.reports.metrics.UserMetrics;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Golden reports on the seeded data set ({@link ReportMetricsFixture}): a daily report of a private chat in
 * Asia/Ho_Chi_Minh with its owner's account, a weekly one of a group with a day without candles, in English and
 * Vietnamese, each a photo (a PNG of the chart's size) with the text as caption; an empty day is one line without a chart.
 * The expected texts are in {@code src/test/resources/reports/}.
 */
@IntegrationTest
@Import(ReportMetricsFixture.class)
class ReportGoldenTest {

    private static final ZoneId SAIGON = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final List<ReportData.Validation> VALIDATIONS = List.of(
            new ReportData.Validation("trend", "Binance BTC/USDT", new LocalizedText("validated 2026-11-30: Sharpe 1.3, DD 18 %",
                    "đã kiểm định 2026-11-30: Sharpe 1.3, DD 18 %")),
            new ReportData.Validation("trend", "Binance ETH/USDT", new LocalizedText("⚠ not validated: baseline not beaten",
                    "⚠ chưa kiểm định: chưa vượt mức chuẩn")));

    @Autowired
    ReportReplies replies;
    @Autowired
    ReportText text;

    @Test
    void aDailyReportOfAPrivateChatWithItsOwnersAccount() throws IOException {
        Reply reply = replies.of(Locale.ENGLISH, daily());

        assertThat(reply).isInstanceOf(Reply.Photo.class);
        Reply.Photo photo = (Reply.Photo) reply;
        assertThat(photo.caption()).isEqualTo(golden("daily-en.txt"));
        assertChart(photo.png());
    }

    @Test
    void aWeeklyReportOfAGroupSaysWhichDayHadNoCandles() throws IOException {
        Reply.Photo english = (Reply.Photo) replies.of(Locale.ENGLISH, weekly());
        Reply.Photo vietnamese = (Reply.Photo) replies.of(Locale.forLanguageTag("vi"), weekly());

        assertThat(english.caption()).isEqualTo(golden("weekly-en.txt"));
        assertThat(vietnamese.caption()).isEqualTo(golden("weekly-vi.txt"));
        assertChart(english.png());
    }

    @Test
    void aDayWithNothingToReportIsOneShortLine() {
        LocalDate day = LocalDate.parse("2026-12-07");
        ReportPeriod period = ReportPeriod.containing(ReportPeriod.Kind.DAY, day, SAIGON);
        Reply reply = replies.of(Locale.ENGLISH, new ReportData(period, ReportMetricsFixture.quiet(1, day, day),
                ReportMetricsFixture.previous(1, day.minusDays(1), day.minusDays(1)).total(), Optional.empty(), VALIDATIONS));

        assertThat(reply).isEqualTo(new Reply.Text("📊 Daily report · 2026-12-07 (Asia/Ho_Chi_Minh): nothing to report — no signal issued or"
                + " closed. Track record to date: 40 signals (2 open), win rate 57 %, average R +0.31."));
    }

    /** Review fix 4: the paper account's equity is a line of its own, never added to the exchange equity above it. */
    @Test
    void aUsersPaperEquityIsALineApartFromExchangeEquity() {
        LocalDate day = LocalDate.parse("2026-12-07");
        ReportPeriod period = ReportPeriod.containing(ReportPeriod.Kind.DAY, day, SAIGON);
        UserMetrics money = new UserMetrics(5, day, day, List.of(new UserDay(day, BigDecimal.ZERO, null, new BigDecimal("1000"),
                new BigDecimal("10000"), true)), BigDecimal.ZERO, null, new BigDecimal("1000"), new BigDecimal("1000"), BigDecimal.ZERO,
                new BigDecimal("10000"));
        ReportData data = new ReportData(period, ReportMetricsFixture.busy(1, day, day, false),
                ReportMetricsFixture.previous(1, day.minusDays(1), day.minusDays(1)).total(),
                Optional.of(new ReportData.UserPart(money, List.of())), VALIDATIONS);

        assertThat(text.full(Locale.ENGLISH, data)).contains("Your account: equity 1000.00 USDT")
                .contains("\nPaper account (simulated, not in the equity above): 10000.00 USDT.").doesNotContain("11000");
        assertThat(text.full(Locale.forLanguageTag("vi"), data))
                .contains("\nTài khoản giấy (mô phỏng, không tính vào vốn ở trên): 10000.00 USDT.");
        UserMetrics paperOnly = new UserMetrics(5, day, day, List.of(), BigDecimal.ZERO, null, null, null, null, new BigDecimal("10000"));
        assertThat(new ReportData.UserPart(paperOnly, List.of()).hasFigures()).as("a paper account alone is worth a line").isTrue();
    }

    @Test
    void aPrivateReportSaysThePortfolioRiskLevelLastMeasured() {
        ReportData base = daily();
        ReportData.UserPart user = base.user().orElseThrow();
        ReportData withRisk = new ReportData(base.period(), base.chat(), base.previous(), Optional.of(new ReportData.UserPart(user.metrics(),
                user.openPositions(), Optional.of(new PortfolioRisk.Level("HIGH", java.time.Instant.parse("2026-12-07T16:01:00Z"), false)))),
                base.validations());

        assertThat(((Reply.Photo) replies.of(Locale.ENGLISH, withRisk)).caption())
                .contains("open positions: 1 (BTC/USDT LONG). Portfolio risk: HIGH (measured 2026-12-07 16:01 UTC).");
    }

    static ReportData daily() {
        LocalDate day = LocalDate.parse("2026-12-07");
        ReportPeriod period = ReportPeriod.containing(ReportPeriod.Kind.DAY, day, SAIGON);
        ChatMetrics chat = ReportMetricsFixture.busy(1, day, day, false);
        UserMetrics money = new UserMetrics(5, day, day, List.of(new UserDay(day, new BigDecimal("42.5"), new BigDecimal("-12.25"),
                new BigDecimal("10250.40"), true)), new BigDecimal("42.5"), new BigDecimal("-12.25"), new BigDecimal("10000"),
                new BigDecimal("10250.40"), new BigDecimal("250.40"));
        return new ReportData(period, chat, ReportMetricsFixture.previous(1, day.minusDays(1), day.minusDays(1)).total(),
                Optional.of(new ReportData.UserPart(money, List.of("BTC/USDT LONG"))), VALIDATIONS);
    }

    static ReportData weekly() {
        LocalDate monday = LocalDate.parse("2026-11-30");
        ReportPeriod period = ReportPeriod.containing(ReportPeriod.Kind.WEEK, monday, SAIGON);
        ChatMetrics chat = ReportMetricsFixture.busy(2, monday, monday.plusDays(6), true);
        return new ReportData(period, chat, ReportMetricsFixture.previous(2, monday.minusDays(7), monday.minusDays(1)).total(),
                Optional.empty(), VALIDATIONS);
    }

    static void assertChart(byte[] png) throws IOException {
        System.out.println("report chart PNG: " + png.length + " bytes");
        assertThat(png.length).as("PNG size in bytes").isBetween(8_000, 400_000);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(620);
    }

    private static String golden(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/reports", name), StandardCharsets.UTF_8).stripTrailing();
    }
}
