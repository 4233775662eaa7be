package io.signaldesk.status.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Without {@code SIGNALDESK_OPS_PASSWORD} (the shared test context has none) {@code /ops} is off: 404 with or without
 * credentials, and the start-up log says how to turn it on. The rest of the service answers as before, without a login.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class OpsDashboardOffTest {

    @LocalServerPort
    int port;
    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    OpsSecurity security;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void withoutAPasswordTheDashboardIsNotFoundAndTheLogSaysHowToTurnItOn(CapturedOutput output) throws Exception {
        assertThat(get("/ops", null).statusCode()).isEqualTo(404);
        assertThat(get("/ops/", "operator:anything").statusCode()).isEqualTo(404);
        assertThat(get("/ops/anything", null).statusCode()).isEqualTo(404);

        security.announce(new ApplicationReadyEvent(new SpringApplication(), new String[0], context, Duration.ZERO));
        assertThat(output.getOut()).contains("Operator dashboard /ops is off: set SIGNALDESK_OPS_PASSWORD to turn it on");
    }

    @Test
    void healthAndTheOtherPagesNeedNoLogin() throws Exception {
        HttpResponse<String> health = get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(get("/health", null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String credentials) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10)).GET();
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes()));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
