package io.signaldesk.chat.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.accounts.keys.FakeAccountExchanges;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code /keys add} on the local page in a real browser: the key and the secret are typed into a password field, shown
 * in the conversation only as dots, and the field is an ordinary one again once the key is connected.
 */
@IntegrationTest
@Import(FakeAccountExchanges.class)
@TestPropertySource(properties = "signaldesk.secrets.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
class LocalKeysPageTest extends LocalPageTest {

    @Test
    void theKeyAndSecretAreTypedIntoAPasswordFieldAndShownOnlyAsDots() {
        page.open(port, token.value());
        WebElement input = page.browser.findElement(By.id("text"));

        page.type("/keys add binance");
        page.waitFor(() -> page.lastBotText().startsWith("Connecting Binance, step 1 of 2"));
        page.waitFor(() -> "password".equals(input.getAttribute("type")));
        page.type("READ-page-key-1");
        page.waitFor(() -> page.lastBotText().startsWith("Step 2 of 2"));
        assertThat(input.getAttribute("type")).isEqualTo("password");
        page.type("s3cret-READ-page-key-1");
        page.waitFor(() -> page.lastBotText().startsWith("Connected: your Binance key …ey-1, read-only."));

        assertThat(input.getAttribute("type")).isEqualTo("text");
        assertThat(page.browser.findElements(By.cssSelector(".message.you"))).extracting(WebElement::getText)
                .containsExactly("/keys add binance", LocalChat.SECRET_SHOWN, LocalChat.SECRET_SHOWN);
        assertThat(page.browser.getPageSource()).doesNotContain("READ-page-key", "s3cret");
    }
}
