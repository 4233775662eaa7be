package io.signaldesk.chat.local;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The local chat page in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}; {@code .ci/run} installs
 * them), for the page tests: opened with this start's link, typed into, read. A test is skipped, saying why, when no
 * browser is installed.
 */
final class LocalPage implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver browser;

    private LocalPage(ChromeDriver browser) {
        this.browser = browser;
    }

    static LocalPage start() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "No headless browser: install Debian's chromium and chromium-driver (.ci/run does) to run the local chat page tests");
        var options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=900,1000");
        return new LocalPage(new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options));
    }

    /** Opens the page with the start's secret and waits until it is connected. */
    void open(int port, String token) {
        browser.get("http://localhost:" + port + "/?t=" + token);
        waitFor(() -> browser.findElement(By.id("status")).getText().equals("connected"));
    }

    void type(String text) {
        WebElement input = browser.findElement(By.id("text"));
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
    }

    List<WebElement> botMessages() {
        return browser.findElements(By.cssSelector(".message.bot"));
    }

    String lastBotText() {
        List<WebElement> bot = botMessages();
        return bot.isEmpty() ? "" : bot.getLast().findElement(By.className("text")).getText();
    }

    void waitFor(java.util.function.BooleanSupplier condition) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).ignoreExceptionsInstanceOf(org.openqa.selenium.WebDriverException.class)
                .until(condition::getAsBoolean);
    }

    @Override
    public void close() {
        browser.quit();
    }
}
