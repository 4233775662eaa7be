package io.signaldesk.status.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.signaldesk.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, as the local page's tests):
 * logged in as the operator, every panel is there, a job whose last run failed is shown red with its error escaped,
 * this instance is alive; on a phone-sized window (390 × 844) nothing overflows sideways. Leaves a screenshot in
 * {@code docs/ops-dashboard.png} (and the phone's in {@code target/ops-dashboard-phone.png}). Skipped, saying why,
 * when no browser is installed.
 */
@IntegrationTest
@OpsDashboardPassword
class OpsDashboardPageTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String FAILED_JOB = "ops.prune-job-runs";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theOperatorSeesEveryPanelAFailedJobInRedAndThePageFitsAPhone() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "No headless browser: install Debian's chromium and chromium-driver (.ci/run does) to run the dashboard's page test");
        jdbc.update("""
                insert into job_run (job_name, instance_id, started_at, finished_at, outcome, error)
                values (?, 'test-instance', now() + interval '1 second', now() + interval '3 seconds', 'FAILED',
                        'IllegalStateException: <script>alert(1)</script> disk full')""", FAILED_JOB);
        var options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,1000");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);

        // the login: HTTP Basic, as a browser sends it once the operator has typed the password into its prompt
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(("operator:" + OpsDashboardPassword.PASSWORD).getBytes()))));
        browser.get("http://localhost:" + port + "/ops");

        assertThat(browser.getTitle()).isEqualTo("SignalDesk operations");
        for (String panel : List.of("jobs", "outbox", "instances", "market", "llm", "validation")) {
            assertThat(browser.findElements(By.id(panel))).as("panel " + panel).hasSize(1);
        }
        WebElement failed = browser.findElement(By.cssSelector("tr.job[data-job='" + FAILED_JOB + "']"));
        assertThat(failed.getAttribute("class")).contains("failed");
        String background = failed.findElement(By.tagName("td")).getCssValue("background-color");
        assertThat(background).isEqualTo("rgba(253, 226, 226, 1)");
        assertThat(browser.findElement(By.id("jobs")).getText()).contains("IllegalStateException: <script>alert(1)</script> disk full");
        assertThat(browser.findElements(By.cssSelector("tr.job"))).hasSizeGreaterThan(5);
        assertThat(browser.findElement(By.id("instances")).getText()).contains("alive").contains("this one");

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        long viewport = ((Number) browser.executeScript("return window.innerWidth")).longValue();
        long scroll = ((Number) browser.executeScript("return document.documentElement.scrollWidth")).longValue();
        assertThat(scroll).as("page width on a %d px wide phone", viewport).isLessThanOrEqualTo(viewport);

        Files.write(Path.of("target", "ops-dashboard-phone.png"), fullPage(390));
        Files.createDirectories(Path.of("docs"));
        Files.write(Path.of("docs", "ops-dashboard.png"), fullPage(1100));
    }

    /** A screenshot of the whole page at this width (the window made as tall as the page, up to 4,000 px). */
    private byte[] fullPage(int width) {
        browser.manage().window().setSize(new Dimension(width, 844));
        browser.navigate().refresh();
        long height = ((Number) browser.executeScript("return document.documentElement.scrollHeight")).longValue();
        browser.manage().window().setSize(new Dimension(width, (int) Math.min(height + 140, 4000)));
        return browser.getScreenshotAs(OutputType.BYTES);
    }
}
