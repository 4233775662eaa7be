package io.signaldesk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.SignalDeskApplication;
import io.signaldesk.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** With MANAGEMENT_SERVER_PORT=-1 (no management HTTP), what answers on the main port. */
class ManagementPortOffTest {

    @Test
    void healthOnTheMainPortWithTheManagementPortOff() throws Exception {
        TestDatabase database = TestDatabase.get();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SignalDeskApplication.class).run(
                "--server.port=0", "--management.server.port=-1", "--signaldesk.chat.local-chat=false",
                "--signaldesk.signals.first-tick=1000d", "--signaldesk.market.sync-cron=-", "--signaldesk.signals.outcome-cron=-",
                "--signaldesk.jobs.prune-job-runs.cron=-", "--signaldesk.jobs.archive-old-data.cron=-", "--signaldesk.notifications.prune-cron=-",
                "--signaldesk.notifications.expire-cron=-", "--signaldesk.chat.prune-buttons-cron=-",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + (database.username() == null ? "" : database.username()),
                "--spring.datasource.password=" + (database.password() == null ? "" : database.password()))) {
            String port = context.getEnvironment().getProperty("local.server.port");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            assertThat(metrics.statusCode()).isEqualTo(404);
        }
    }
}
