package io.signaldesk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on the {@link TestDatabase} with a clock the test moves
 * ({@link EngineTestConfiguration#CLOCK}) and the {@code always-buy} test analyst; schedules off, the
 * test ticks itself; no local chat page (the {@link IntegrationTest} context owns the one local chat, whose
 * outbox rows a second context would otherwise claim). One cached context for every class with this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "signaldesk.signals.first-tick=1000d",
        "signaldesk.market.sync-cron=-",
        "signaldesk.analysis.indicators-cron=-",
        "signaldesk.signals.outcome-cron=-",
        "signaldesk.jobs.prune-job-runs.cron=-",
        "signaldesk.jobs.archive-old-data.cron=-",
        "signaldesk.notifications.prune-cron=-",
        "signaldesk.notifications.expire-cron=-",
        "signaldesk.reports.metrics.cron=-",
        "signaldesk.chat.prune-buttons-cron=-",
        "signaldesk.backtest.nightly.run-cron=-",
        "signaldesk.backtest.nightly.validate-cron=-",
        "signaldesk.accounts.sync-cron=-",
        "signaldesk.news.fetch-cron=-",
        "signaldesk.positions.sync-exchange-cron=-",
        "signaldesk.positions.check-stops-cron=-",
        "signaldesk.positions.update-cron=-",
        "signaldesk.portfolio.risk.analyze-cron=-",
        "signaldesk.portfolio.rebalance.optimize-cron=-",
        "signaldesk.portfolio.rebalance.expire-cron=-",
        "signaldesk.reports.send-cron=-",
        "signaldesk.chat.local-chat=false"})
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@Import(EngineTestConfiguration.class)
public @interface EngineTest {
}
