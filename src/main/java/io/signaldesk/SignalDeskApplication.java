package io.signaldesk;

import java.time.Clock;
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
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SignalDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(SignalDeskApplication.class, args);
    }

    /** The one clock every module reads time from; tests replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
