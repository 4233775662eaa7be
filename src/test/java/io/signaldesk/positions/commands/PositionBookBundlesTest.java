package io.signaldesk.positions.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every /open, /close and /positions text exists in English and in Vietnamese. */
class PositionBookBundlesTest {

    @Test
    void everyPositionBookTextHasBothLanguages() throws IOException {
        assertThat(load("i18n/positionbook.properties").stringPropertyNames()).isNotEmpty()
                .isEqualTo(load("i18n/positionbook_vi.properties").stringPropertyNames());
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = PositionBookBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
