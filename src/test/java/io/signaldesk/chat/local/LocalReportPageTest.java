package io.signaldesk.chat.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /report day} on the local page in headless Chromium, from stored signals through the real metrics (the
 * report brings them up to now first) to the text and the equity chart: a subscription made on the page, five of its
 * signals in the last minute (a take-profit at +2 R, two stops at -1 R, an expiry at +0.4 R, one never filled), and the
 * report's line for its pair counts them as the metrics define them (5 issued, 1 take-profit, 2 stops, 1 expiry,
 * +0.40 R). Leaves a screenshot in {@code target/local-report.png} (the README's is one of these). Skipped, saying why,
 * when no browser is installed.
 */
@IntegrationTest
class LocalReportPageTest extends LocalPageTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDailyReportCountsTodaysSignalsAndShowsItsEquityChart() throws Exception {
        page.open(port, token.value());
        page.type("/subscribe sim ETH/USDT 1h");
        page.waitFor(() -> page.lastBotText().startsWith("Subscribed to Futures Signals: Simulated exchange ETH/USDT on 1h"));
        long subscription = jdbc.queryForObject("""
                select s.id from subscription s join chat_destination d on d.id = s.destination_id
                 where d.platform = 'LOCAL' and s.primary_pair = 'ETH/USDT' and s.status <> 'CANCELLED' order by s.id desc limit 1""", Long.class);
        jdbc.update("delete from signal where subscription_id = ?", subscription);
        signal(subscription, "TAKE_PROFIT", "2", 5);
        signal(subscription, "STOP_LOSS", "-1", 4);
        signal(subscription, "STOP_LOSS", "-1", 3);
        signal(subscription, "EXPIRED", "0.4", 2);
        signal(subscription, "NOT_FILLED", null, 1);

        page.type("/report day");
        page.waitFor(() -> !page.botMessages().getLast().findElements(By.tagName("img")).isEmpty());
        WebElement report = page.botMessages().getLast();
        // the page's one chat may hold other tests' subscriptions: this one's line is what is certain
        assertThat(report.getText()).contains("Daily report").contains("• Futures Signals Simulated exchange ETH/USDT: 5 · 1/2/1 · +0.40");
        WebElement chart = report.findElement(By.tagName("img"));
        page.waitFor(() -> ((Number) page.browser.executeScript("return arguments[0].naturalWidth", chart)).intValue() > 0);
        Files.write(Path.of("target", "local-report.png"), page.browser.getScreenshotAs(OutputType.BYTES));
    }

    /** A signal of the subscription issued {@code ago} × 10 seconds ago (within today unless run in a day's first minute), closed (or found never filled) 5 s later. */
    private void signal(long subscription, String status, String r, int ago) {
        jdbc.update("""
                insert into signal (subscription_id, bot_template_id, exchange, market_type, symbol, timeframe, candle_open_time, action,
                                    confidence, entry, stop_loss, take_profits, risk_reward, reasoning, analyst, analyst_version,
                                    issued_at, status, filled_at, closed_at, exit_price, r_multiple)
                select s.id, s.bot_template_id, 'sim', 'PERPETUAL', 'ETH/USDT', '1h', date_trunc('hour', now()) - make_interval(hours => ?::int + 1),
                       'BUY', 0.7, 3000, 2950, '{3100}'::numeric[], 2, 'test', 'technical', '1', now() - make_interval(secs => ?::int * 10),
                       ?::text, case when ?::text = 'NOT_FILLED' then null else now() - make_interval(secs => ?::int * 10) end,
                       now() - make_interval(secs => ?::int * 10 - 5),
                       case when ?::text is null then null else 3000 + 50 * ?::numeric end, ?::numeric
                  from subscription s where s.id = ?""",
                ago, ago, status, status, ago, ago, r, r, r, subscription);
    }
}
