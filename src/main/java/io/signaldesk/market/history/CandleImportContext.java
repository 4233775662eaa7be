package io.signaldesk.market.history;

import io.signaldesk.market.exchange.ExchangeClientsConfiguration;
import io.signaldesk.market.exchange.ExchangesProperties;
import io.signaldesk.market.store.CandleStore;
import java.time.Clock;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

/**
 * The candle import command's whole application context ({@code --import-candles}, started by the service's
 * main class by this class's name; README "Importing candles"): the service's database (the same selection, migrated by
 * Flyway as at a service start), the candle table and the exchanges' adapters (for each one's market type; no
 * call is made). No web server, chat connection, worker or job: the command imports and exits. Deliberately not
 * a {@code @Configuration}: the service's component scan must not pick it up (it is a source given to its own
 * {@code SpringApplication} only, where its imports and bean method count all the same).
 */
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class})
@EnableConfigurationProperties(ExchangesProperties.class)
@ComponentScan(CandleImportContext.DATABASE_MODULE)
@ConfigurationPropertiesScan(CandleImportContext.DATABASE_MODULE)
@Import({ExchangeClientsConfiguration.class, CandleStore.class, ImportCandles.class, CandleImportRunner.class})
public class CandleImportContext {

    /**
     * The database module, scanned by name: its configuration chooses the embedded PostgreSQL or
     * {@code SPRING_DATASOURCE_URL} exactly as for the service (and says which in the log). By name, as the
     * service's main class names this context: the modules depend on the application's package (its start-up
     * failures), so a link back by class would make a module cycle.
     */
    static final String DATABASE_MODULE = "io.signaldesk.database";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
