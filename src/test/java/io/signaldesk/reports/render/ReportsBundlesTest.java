package io.signaldesk.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.reports.metrics.DataQualityNote;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ReportsBundlesTest {

    @Test
    void everyReportTextHasBothLanguagesAndEveryOutcomeGapAndPeriodIsNamed() throws IOException {
        Properties english = load("i18n/reports.properties");
        Properties vietnamese = load("i18n/reports_vi.properties");

        assertThat(vietnamese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        for (String outcome : new String[] {"take_profit", "stop_loss", "expired"}) {
            assertThat(english).containsKey("reports.outcome." + outcome);
        }
        for (DataQualityNote.DataGap gap : DataQualityNote.DataGap.values()) {
            assertThat(english).containsKey("reports.gap." + gap.name().toLowerCase(Locale.ROOT));
        }
        for (ReportPeriod.Kind kind : ReportPeriod.Kind.values()) {
            String name = kind.name().toLowerCase(Locale.ROOT);
            assertThat(english).containsKeys("reports.title." + name, "reports.previous." + name);
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = ReportsBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
