package io.signaldesk.status.dashboard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/** The application context with the dashboard on: the operator's password set (one cached context for these tests). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = "signaldesk.ops.password=" + OpsDashboardPassword.PASSWORD)
@interface OpsDashboardPassword {

    String PASSWORD = "correct-horse-7Qz";
}
