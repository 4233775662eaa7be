package io.signaldesk.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The migrations on the official {@code postgres:17} image that docker-compose.yml runs. Needs a
 * Docker engine; skipped without one (the rest of the suite uses the embedded PostgreSQL 17 then).
 */
@Testcontainers(disabledWithoutDocker = true)
class OfficialPostgresImageTest {

    @Container
    static final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17");

    @Test
    void everyMigrationAppliesOnTheComposeImage() {
        var result = Flyway.configure()
                .dataSource(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword())
                .locations("filesystem:db/migration")
                .load()
                .migrate();

        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(6);
    }
}
