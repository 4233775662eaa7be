package io.signaldesk;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real PostgreSQL every database test uses, chosen once per test JVM and the same way
 * everywhere: {@code SPRING_DATASOURCE_URL} (with its username and password) when given, else a
 * Testcontainers PostgreSQL 17 when a Docker engine answers, else an embedded PostgreSQL 17 in a
 * fresh temporary folder.
 */
public record TestDatabase(String url, String username, String password, String kind) {

    private static TestDatabase instance;

    public static synchronized TestDatabase get() {
        if (instance == null) {
            instance = start();
            String url = instance.url();
            System.out.println("Test database: " + instance.kind() + " at " + (url.contains("?") ? url.substring(0, url.indexOf('?')) : url));
        }
        return instance;
    }

    private static TestDatabase start() {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        if (url != null && !url.isBlank()) {
            return new TestDatabase(url, System.getenv("SPRING_DATASOURCE_USERNAME"),
                    System.getenv("SPRING_DATASOURCE_PASSWORD"), "SPRING_DATASOURCE_URL");
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            var container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            return new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "Testcontainers " + container.getDockerImageName());
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            return new TestDatabase(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "",
                    "embedded PostgreSQL");
        } catch (IOException e) {
            throw new UncheckedIOException("no test database: the embedded PostgreSQL did not start", e);
        }
    }
}
