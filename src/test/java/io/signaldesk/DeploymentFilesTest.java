package io.signaldesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** docker-compose.yml cannot run here (no Docker engine), so it is read and checked instead. */
class DeploymentFilesTest {

    private final JsonNode compose = new YAMLMapper().readTree(Path.of("docker-compose.yml").toFile());

    @Test
    void postgres17KeepsItsDataInANamedVolumeAndReportsHealth() {
        JsonNode postgres = compose.path("services").path("postgres");

        assertThat(postgres.path("image").asString()).isEqualTo("postgres:17");
        assertThat(postgres.path("volumes").get(0).asString()).isEqualTo("postgres-data:/var/lib/postgresql/data");
        assertThat(compose.path("volumes").has("postgres-data")).isTrue();
        assertThat(postgres.path("healthcheck").path("test").toString()).contains("pg_isready");
        assertThat(postgres.path("environment").path("POSTGRES_DB").asString()).isEqualTo("signaldesk");
    }

    @Test
    void theServiceIsBuiltHereAndConfiguredOnlyByEnvironmentWithSecretsFromDotEnv() {
        JsonNode service = compose.path("services").path("signaldesk");
        JsonNode environment = service.path("environment");

        assertThat(service.path("build").asString()).isEqualTo(".");
        assertThat(Files.exists(Path.of("Dockerfile"))).isTrue();
        assertThat(service.path("depends_on").path("postgres").path("condition").asString()).isEqualTo("service_healthy");
        assertThat(environment.path("SPRING_DATASOURCE_URL").asString()).isEqualTo("jdbc:postgresql://postgres:5432/signaldesk");
        assertThat(environment.path("SPRING_DATASOURCE_PASSWORD").asString()).startsWith("${POSTGRES_PASSWORD");
        assertThat(compose.path("services").path("postgres").path("environment").path("POSTGRES_PASSWORD").asString())
                .startsWith("${POSTGRES_PASSWORD");
        assertThat(service.path("env_file").get(0).path("path").asString()).isEqualTo(".env");
        assertThat(service.path("env_file").get(0).path("required").asBoolean()).isFalse();
        assertThat(service.path("ports").get(0).asString()).endsWith(":8080");
    }

    @Test
    void theServiceIsPublishedOnThisMachineOnlyUnlessSignaldeskBindSaysOtherwise() {
        JsonNode ports = compose.path("services").path("signaldesk").path("ports");

        assertThat(ports).hasSize(1);
        assertThat(ports.get(0).asString()).isEqualTo("${SIGNALDESK_BIND:-127.0.0.1}:${SIGNALDESK_PORT:-8080}:8080");
        assertThat(compose.path("services").path("postgres").has("ports")).as("the database is not published at all").isFalse();
    }

    /** The service's health check is run for real with bash against a local /health answering 200, then 503. */
    @Test
    void theServiceHealthCheckAsksHealthOnTheMainPortWithBashAlone() throws Exception {
        JsonNode service = compose.path("services").path("signaldesk");
        JsonNode test = service.path("healthcheck").path("test");
        assertThat(test.get(0).asString()).isEqualTo("CMD");
        assertThat(test.get(1).asString()).isEqualTo("bash");
        assertThat(service.path("stop_grace_period").asString()).as("longer than the 30 s shutdown phase").isEqualTo("45s");
        String script = test.get(3).asString();
        assertThat(script).contains("/dev/tcp/127.0.0.1/8080").contains("GET /health ");

        java.util.concurrent.atomic.AtomicInteger status = new java.util.concurrent.atomic.AtomicInteger(200);
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
        try {
            String local = script.replace("/8080", "/" + server.getAddress().getPort());
            assertThat(new ProcessBuilder("bash", "-c", local).start().waitFor()).as("healthy").isZero();
            status.set(503);
            assertThat(new ProcessBuilder("bash", "-c", local).start().waitFor()).as("unhealthy").isNotZero();
        } finally {
            server.stop(0);
        }
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertThat(dockerfile).as("the image's jar leaves the embedded PostgreSQL out").contains("-Pimage package")
                .contains("HEALTHCHECK").contains("GET /health ");
    }

    @Test
    void theReadmeDocumentsEveryEnvironmentVariableOfTheConfiguration() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String configuration = Files.readString(Path.of("src/main/resources/application.yml"));
        List<String> variables = new ArrayList<>(List.of("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
                "SPRING_DATASOURCE_PASSWORD", "POSTGRES_PASSWORD"));
        Matcher placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+)[:}]").matcher(configuration);
        while (placeholder.find()) {
            variables.add(placeholder.group(1));
        }

        assertThat(variables).hasSizeGreaterThan(10)
                .allSatisfy(variable -> assertThat(readme).contains("`" + variable + "`"));
    }
}
