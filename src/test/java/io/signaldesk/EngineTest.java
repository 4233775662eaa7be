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
 * test ticks itself. One cached context for every class with this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "signaldesk.signals.tick=1000d",
        "signaldesk.market.sync-cron=-",
        "signaldesk.signals.outcome-cron=-",
        "signaldesk.jobs.prune-job-runs.cron=-"})
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@Import(EngineTestConfiguration.class)
public @interface EngineTest {
}
