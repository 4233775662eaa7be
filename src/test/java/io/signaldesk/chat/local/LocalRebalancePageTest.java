package io.signaldesk.chat.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.portfolio.rebalance.RebalanceFakes;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * A rebalance proposal's card on the local page in headless Chromium: {@code /rebalance target paper …} then
 * {@code /rebalance paper}, whose answer is the allocation chart (before / after) with the trades, fees, prices and their
 * time, and the owner's Approve / Reject buttons. Leaves a screenshot in {@code target/local-rebalance.png} (the README's,
 * {@code docs/local-rebalance.png}, is one of these). Skipped, saying why, when no browser is installed.
 */
@IntegrationTest
@Import(RebalanceFakes.class)
class LocalRebalancePageTest extends LocalPageTest {

    @Autowired
    RebalanceFakes.Prices prices;

    @Test
    void theProposalCardShowsItsChartTradesAndButtons() throws Exception {
        prices.usdt.put("BTC", new BigDecimal("95000"));
        prices.usdt.put("ETH", new BigDecimal("3500"));
        prices.usdt.put("SOL", new BigDecimal("180"));
        page.open(port, token.value());
        page.type("/rebalance target paper BTC=40 ETH=20 SOL=10 USDT=30");
        page.waitFor(() -> page.lastBotText().contains("BTC=40 ETH=20 SOL=10 USDT=30"));

        page.type("/rebalance paper");
        page.waitFor(() -> !page.botMessages().getLast().findElements(By.tagName("img")).isEmpty());
        WebElement card = page.botMessages().getLast();
        assertThat(card.getText()).contains("Rebalance proposal #").contains("BUY").contains("BTC").contains("Estimated fees")
                .contains("Approve").contains("Reject");
        WebElement chart = card.findElement(By.tagName("img"));
        page.waitFor(() -> ((Number) page.browser.executeScript("return arguments[0].naturalWidth", chart)).intValue() > 0);
        Files.write(Path.of("target", "local-rebalance.png"), page.browser.getScreenshotAs(OutputType.BYTES));
    }
}
