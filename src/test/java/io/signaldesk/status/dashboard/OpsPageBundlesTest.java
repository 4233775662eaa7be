package io.signaldesk.status.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.backtest.ValidationStatus;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every dashboard text in English and Vietnamese, and a name for every job outcome and validation verdict. */
class OpsPageBundlesTest {

    @Test
    void everyDashboardTextHasBothLanguages() throws IOException {
        Properties english = load("i18n/ops-page.properties");
        Properties vietnamese = load("i18n/ops-page_vi.properties");

        assertThat(vietnamese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        for (ValidationStatus.Verdict verdict : ValidationStatus.Verdict.values()) {
            assertThat(english).containsKey("ops.verdict." + verdict.name().toLowerCase(Locale.ROOT));
        }
        for (String outcome : new String[] {"running", "succeeded", "failed"}) {
            assertThat(english).containsKey("ops.outcome." + outcome);
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = OpsPageBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
