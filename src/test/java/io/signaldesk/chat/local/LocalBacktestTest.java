package io.signaldesk.chat.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.signaldesk.IntegrationTest;
import io.signaldesk.backtest.BacktestTestBeans;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** {@code /backtest} on the local page: its answer is rewritten in place with the progress, and the result comes as a chart. */
@IntegrationTest
@Import(BacktestTestBeans.class)
@org.springframework.test.annotation.DirtiesContext(classMode = org.springframework.test.annotation.DirtiesContext.ClassMode.AFTER_CLASS)
class LocalBacktestTest {

    @Autowired
    LocalChat chat;

    @org.springframework.test.context.DynamicPropertySource
    static void workers(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("signaldesk.backtest.workers", () -> "1");
        registry.add("signaldesk.backtest.poll", () -> "200ms");
    }

    @Test
    void theAnswerIsEditedInPlaceAndTheResultComesWithItsChart() {
        int before = chat.history().size();
        chat.type("/backtest sim SOL/USDT 4h 60");

        LocalMessage answer = chat.history().stream().skip(before).filter(message -> message.text().startsWith("Backtest #"))
                .findFirst().orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> chat.history().stream()
                .anyMatch(message -> message.id() == answer.id() && message.text().contains("Done: the result is below.")));

        LocalMessage result = chat.history().stream().filter(message -> message.id() > answer.id() && message.image() != null)
                .findFirst().orElseThrow();
        assertThat(result.text()).contains("Trades: 3").contains("Validation: not validated yet (test status)");
        assertThat(chat.image(result.id())).hasValueSatisfying(png -> assertThat(png.length).isGreaterThan(10_000));
    }
}
