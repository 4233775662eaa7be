package io.signaldesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class SignalDeskApplicationTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthIsUpAndIncludesTheDatabase() throws Exception {
        HttpResponse<String> health = get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).startsWith("{").contains("\"db\":{\"status\":\"UP\"}").contains("\"status\":\"UP\"")
                .doesNotContain("PostgreSQL");
    }

    @Test
    void prometheusMetricsAreServed() throws Exception {
        HttpResponse<String> metrics = get("/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void flywayAppliedEveryMigrationOfTheDbFolder() throws IOException {
        long files;
        try (var migrations = Files.list(Path.of("db/migration"))) {
            files = migrations.filter(file -> file.toString().endsWith(".sql")).count();
        }
        Integer applied = jdbc.queryForObject(
                "select count(*) from flyway_schema_history where success and version is not null", Integer.class);

        assertThat(applied).isEqualTo((int) files).isGreaterThanOrEqualTo(6);
        assertThat(jdbc.queryForObject("select bot_type from bot_template where code = 'futures-signals'", String.class))
                .isEqualTo("SIGNALS_FUTURES");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
