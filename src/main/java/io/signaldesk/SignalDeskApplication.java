package io.signaldesk;

import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * SignalDesk: a chatbot-first crypto futures signals service.
 *
 * <p>Each direct sub-package is a feature module (Spring Modulith's convention): its root package is
 * its API, its sub-packages are internal. {@code ModularityTest} keeps the boundaries.
 *
 * <p>{@value #IMPORT_CANDLES} runs the candle import instead of the service ({@link #importCandles}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SignalDeskApplication {

    /** The command line flag that runs the candle import instead of the service. */
    public static final String IMPORT_CANDLES = "--import-candles";

    public static void main(String[] args) {
        if (Arrays.asList(args).contains(IMPORT_CANDLES)) {
            System.exit(importCandles(args));
        }
        SpringApplication.run(SignalDeskApplication.class, args);
    }

    /**
     * {@code --import-candles --exchange=binance --pair=BTC/USDT --timeframe=4h --file=/path/btc-4h.csv}: imports a CSV
     * file of candles into the service's database and returns the exit code (0 imported, 1 refused, 2 wrong
     * arguments). Its own small context, named by class name (the modules depend on this package, never the other
     * way round): the service's database selection and the candle table only; no web server, chat or jobs.
     */
    public static int importCandles(String[] args) {
        SpringApplication command = new SpringApplication();
        command.setSources(Set.of("io.signaldesk.market.history.CandleImportContext"));
        command.setWebApplicationType(WebApplicationType.NONE);
        command.setBannerMode(Banner.Mode.OFF);
        command.setLogStartupInfo(false);
        return SpringApplication.exit(command.run(args));
    }

    /** The one clock every module reads time from; tests replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
