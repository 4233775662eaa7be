package io.signaldesk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port against the {@link TestDatabase}, Flyway included, with its
 * schedules off (tests run jobs themselves). Every test class with this annotation shares one cached
 * context. No backtest workers run in it ({@code signaldesk.backtest.workers=0}): a test of {@code /backtest} turns
 * them on in its own context, whose runs another cached context's workers must not claim.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "signaldesk.signals.first-tick=1000d",
        "signaldesk.market.sync-cron=-",
        "signaldesk.analysis.indicators-cron=-",
        "signaldesk.signals.outcome-cron=-",
        "signaldesk.jobs.prune-job-runs.cron=-",
        "signaldesk.jobs.archive-old-data.cron=-",
        "signaldesk.notifications.prune-cron=-",
        "signaldesk.notifications.expire-cron=-",
        "signaldesk.chat.prune-buttons-cron=-",
        "signaldesk.backtest.workers=0",
        "signaldesk.backtest.nightly.run-cron=-",
        "signaldesk.backtest.nightly.validate-cron=-",
        "signaldesk.reports.metrics.cron=-",
        "signaldesk.accounts.sync-cron=-",
        "signaldesk.news.fetch-cron=-",
        "signaldesk.positions.check-stops-cron=-",
        "signaldesk.positions.sync-exchange-cron=-",
        "signaldesk.positions.update-cron=-",
        "signaldesk.portfolio.risk.analyze-cron=-",
        "signaldesk.portfolio.rebalance.optimize-cron=-",
        "signaldesk.portfolio.rebalance.expire-cron=-",
        "signaldesk.reports.send-cron=-"})
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
public @interface IntegrationTest {
}
