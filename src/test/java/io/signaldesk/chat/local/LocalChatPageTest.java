package io.signaldesk.chat.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * The local chat page end to end in headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}; {@code .ci/run} installs them): be refused without this start's secret, open
 * the log's link (the secret becomes a cookie and leaves the address bar), ask /help, subscribe on the
 * simulated exchange, press a button and see the message edited in place, see typed markup shown as
 * text, and get /analyze's chart as an image. Skipped, saying why, when no browser is installed. Leaves
 * a screenshot in {@code target/local-chat.png} (the README's is one of these).
 */
@IntegrationTest
class LocalChatPageTest extends LocalPageTest {

    @Test
    void aCommandIsAnsweredAndAButtonPressEditsTheMessageInPlace() throws Exception {
        HttpResponse<String> withoutSecret = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withoutSecret.statusCode()).isEqualTo(403);
        assertThat(withoutSecret.body()).contains("open the link printed in SignalDesk's start-up log");

        page.open(port, token.value());
        var browser = page.browser;
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
        page.type(text);
    }

    private List<WebElement> botMessages() {
        return page.botMessages();
    }

    private String lastBotText() {
        return page.lastBotText();
    }

    private void waitFor(java.util.function.BooleanSupplier condition) {
        page.waitFor(condition);
    }
}
