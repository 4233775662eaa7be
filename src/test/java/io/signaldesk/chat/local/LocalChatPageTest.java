package io.signaldesk.chat.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.signaldesk.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The local chat page end to end in headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}; {@code .ci/run} installs them): be refused without this start's secret, open
 * the log's link (the secret becomes a cookie and leaves the address bar), ask /help, subscribe on the
 * simulated exchange, press a button and see the message edited in place, see typed markup shown as
 * text, and get /analyze's chart as an image. Skipped, saying why, when no browser is installed. Leaves
 * a screenshot in {@code target/local-chat.png} (the README's is one of these).
 */
@IntegrationTest
class LocalChatPageTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort
    int port;
    @Autowired
    LocalChatToken token;

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "No headless browser: install Debian's chromium and chromium-driver (.ci/run does) to run the local chat page test");
        var options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=900,1000");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCommandIsAnsweredAndAButtonPressEditsTheMessageInPlace() throws Exception {
        HttpResponse<String> withoutSecret = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withoutSecret.statusCode()).isEqualTo(403);
        assertThat(withoutSecret.body()).contains("open the link printed in SignalDesk's start-up log");

        browser.get("http://localhost:" + port + "/?t=" + token.value());
        waitFor(() -> browser.findElement(By.id("status")).getText().equals("connected"));
        assertThat(browser.getCurrentUrl()).as("the secret leaves the address bar").isEqualTo("http://localhost:" + port + "/");

        type("/help");
        waitFor(() -> lastBotText().startsWith("Commands:"));
        assertThat(lastBotText()).contains("/subscribe").contains("/analyze");

        type("/subscribe sim BTC/USDT 1h");
        waitFor(() -> lastBotText().startsWith("Subscribed to Futures Signals: Simulated exchange BTC/USDT on 1h"));
        type("/subscriptions");
        waitFor(() -> lastBotText().startsWith("Subscriptions of this chat"));
        WebElement list = botMessages().getLast();
        String listId = list.getAttribute("id");
        list.findElements(By.cssSelector(".buttons button")).stream()
                .filter(button -> button.getText().equals("Pause #1")).findFirst().orElseThrow().click();

        waitFor(() -> browser.findElement(By.id(listId)).getText().contains("— paused"));
        WebElement edited = browser.findElement(By.id(listId));
        assertThat(edited.findElements(By.cssSelector(".buttons button"))).extracting(WebElement::getText)
                .contains("Resume #1", "Unsubscribe #1");
        assertThat(botMessages().getLast().getAttribute("id")).as("edited in place, not sent anew").isEqualTo(listId);

        type("<b>not markup</b>");
        waitFor(() -> browser.findElements(By.cssSelector(".message.you")).getLast().getText().equals("<b>not markup</b>"));

        type("/analyze sim BTC/USDT 1h,4h");
        waitFor(() -> lastBotText().startsWith("Analysis of BTC/USDT on Simulated exchange (1h,4h)"));
        WebElement chart = botMessages().getLast().findElement(By.tagName("img"));
        waitFor(() -> ((Number) browser.executeScript("return arguments[0].naturalWidth", chart)).intValue() == 900);
        Files.write(Path.of("target", "local-chat.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private void type(String text) {
        WebElement input = browser.findElement(By.id("text"));
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
    }

    private List<WebElement> botMessages() {
        return browser.findElements(By.cssSelector(".message.bot"));
    }

    private String lastBotText() {
        List<WebElement> bot = botMessages();
        return bot.isEmpty() ? "" : bot.getLast().findElement(By.className("text")).getText();
    }

    private void waitFor(java.util.function.BooleanSupplier condition) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).ignoreExceptionsInstanceOf(org.openqa.selenium.WebDriverException.class)
                .until(condition::getAsBoolean);
    }
}
