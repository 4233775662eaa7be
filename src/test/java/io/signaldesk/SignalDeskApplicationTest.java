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

    @Value("${local.management.port}")
    int managementPort;

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
    void prometheusMetricsAndInfoAreServedOnlyOnTheManagementPortWhileHealthStaysOnTheMainPort() throws Exception {
        HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus");

        assertThat(managementPort).isNotEqualTo(port);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
        assertThat(get(managementPort, "/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus").statusCode()).as("metrics are not public").isIn(401, 403, 404);
        assertThat(get("/actuator/info").statusCode()).as("info is not public").isIn(401, 403, 404);
        assertThat(get("/actuator").statusCode()).as("no endpoint list on the main port").isIn(401, 403, 404);
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
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
        return get(port, path);
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
