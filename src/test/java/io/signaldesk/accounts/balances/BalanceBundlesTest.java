package io.signaldesk.accounts.balances;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every /balance text and the rejected-key notice exist in English and in Vietnamese. */
class BalanceBundlesTest {

    @Test
    void everyBalanceTextHasBothLanguages() throws IOException {
        Properties english = load("i18n/balances.properties");
        Properties vietnamese = load("i18n/balances_vi.properties");

        assertThat(english.stringPropertyNames()).isNotEmpty().isEqualTo(vietnamese.stringPropertyNames());
    }

    @Test
    void theRejectedKeyNoticeHasBothLanguages() throws IOException {
        assertThat(load("i18n/notifications.properties").getProperty("notice.key-rejected")).contains("/keys add {0}");
        assertThat(load("i18n/notifications_vi.properties").getProperty("notice.key-rejected")).contains("/keys add {0}");
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = BalanceBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
