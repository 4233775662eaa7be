package io.signaldesk.chat.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every /link and /unlink text exists in English and in Vietnamese. */
class LinkBundlesTest {

    @Test
    void everyLinkTextHasBothLanguages() throws IOException {
        assertThat(load("i18n/link.properties").stringPropertyNames()).isNotEmpty()
                .isEqualTo(load("i18n/link_vi.properties").stringPropertyNames());
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = LinkBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
