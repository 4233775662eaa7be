package io.signaldesk.positions.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every text of "I took it" as a position exists in English and in Vietnamese. */
class PositionsFlowBundlesTest {

    @Test
    void everyTextHasBothLanguages() throws IOException {
        Properties english = load("i18n/positions-flow.properties");
        Properties vietnamese = load("i18n/positions-flow_vi.properties");

        assertThat(english.stringPropertyNames()).isNotEmpty().isEqualTo(vietnamese.stringPropertyNames());
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = PositionsFlowBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
