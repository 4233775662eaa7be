package io.signaldesk.backtest;

import io.signaldesk.chat.LocalizedText;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Test beans of the {@code /backtest} tests: the scripted engine in place of {@link Backtests}, and a fixed
 * validation status in place of the nightly validation's record. Both {@link Primary}, so they win over the real
 * beans whether or not those exist in the build.
 */
@TestConfiguration(proxyBeanMethods = false)
public class BacktestTestBeans {

    public static final LocalizedText STATUS = new LocalizedText("not validated yet (test status)", "chưa được kiểm định (thử)");

    @Bean
    @Primary
    ScriptedBacktests scriptedBacktests() {
        return new ScriptedBacktests();
    }

    @Bean
    @Primary
    ValidationStatuses testValidationStatuses() {
        return (bot, exchange, pair) -> new ValidationStatus(ValidationStatus.Verdict.NOT_YET, null, STATUS);
    }
}
