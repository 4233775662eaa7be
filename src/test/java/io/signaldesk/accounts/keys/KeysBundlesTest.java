package io.signaldesk.accounts.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.accounts.trading.LiveBlock;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every /keys text, live orders' included, exists in English and in Vietnamese, and every reason live orders are off has one. */
class KeysBundlesTest {

    @Test
    void everyKeysTextHasBothLanguagesAndReadsAsAMessageFormat() throws IOException {
        Properties english = load("i18n/keys.properties");
        Properties vietnamese = load("i18n/keys_vi.properties");

        assertThat(english.stringPropertyNames()).isNotEmpty().isEqualTo(vietnamese.stringPropertyNames());
        for (Properties bundle : new Properties[] {english, vietnamese}) {
            bundle.stringPropertyNames().forEach(key -> new MessageFormat(bundle.getProperty(key), Locale.ROOT));
        }
    }

    @Test
    void everyReasonLiveOrdersAreOffHasItsText() throws IOException {
        Properties english = load("i18n/keys.properties");

        assertThat(Arrays.stream(LiveBlock.values()).map(LiveBlock::messageKey)).allSatisfy(key -> assertThat(english).containsKey(key));
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = KeysBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
