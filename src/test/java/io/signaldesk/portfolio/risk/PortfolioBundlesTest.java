package io.signaldesk.portfolio.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PortfolioBundlesTest {

    @Test
    void everyPortfolioTextHasBothLanguagesAndEveryRuleLevelAndAdviceIsNamed() throws IOException {
        Properties english = load("i18n/portfolio.properties");
        Properties vietnamese = load("i18n/portfolio_vi.properties");

        assertThat(vietnamese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        for (RiskRule rule : RiskRule.values()) {
            assertThat(english).containsKeys("portfolio.rule." + rule.typed(), "portfolio.advice." + rule.typed());
        }
        for (RiskLevel level : RiskLevel.values()) {
            assertThat(english).containsKey("portfolio.level." + level.name().toLowerCase(Locale.ROOT));
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = PortfolioBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
