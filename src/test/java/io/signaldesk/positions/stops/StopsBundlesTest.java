package io.signaldesk.positions.stops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class StopsBundlesTest {

    @Test
    void everyStopsTextHasBothLanguagesAndEveryLevelIsNamed() throws IOException {
        Properties english = load("i18n/stops.properties");
        Properties vietnamese = load("i18n/stops_vi.properties");

        assertThat(vietnamese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        for (Level level : Level.values()) {
            assertThat(english).containsKey("stops.level." + level.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = StopsBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
