package io.signaldesk.database;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Turns "the configured PostgreSQL cannot be used" into one line naming the URL and the cause,
 * instead of a page of stack trace. Only connection, authentication and missing-database errors
 * (SQLState classes 08, 28 and 3D) are explained here; anything else is left to Boot.
 */
class UnreachableDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    private final Environment environment;

    UnreachableDatabaseFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String state = cause.getSQLState() == null ? "" : cause.getSQLState();
        if (!(state.startsWith("08") || state.startsWith("28") || state.startsWith("3D"))) {
            return null;
        }
        String url = JdbcUrls.withoutParameters(environment.getProperty("spring.datasource.url"));
        return new FailureAnalysis(
                "Cannot use the database at %s: %s".formatted(url, cause.getMessage()),
                "Check that PostgreSQL runs there and that SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and "
                        + "SPRING_DATASOURCE_PASSWORD are right, or unset SPRING_DATASOURCE_URL to use the embedded PostgreSQL.",
                cause);
    }
}
