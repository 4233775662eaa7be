package io.signaldesk.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signaldesk.SignalDeskApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The whole application started the way a user starts it: the zero-setup default and its faults. */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseStartupTest {

    @TempDir
    Path dataDir;

    @Test
    void withNoDatasourceItRunsOnAnEmbeddedPostgresAndASecondInstanceOnTheSameDataRefuses(CapturedOutput output) {
        try (ConfigurableApplicationContext first = start("spring.datasource.url=", "signaldesk.database.data-dir=" + dataDir)) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select current_database()", String.class)).isEqualTo("signaldesk");
            assertThat(jdbc.queryForList("select code from bot_template order by id", String.class))
                    .containsExactly("futures-signals", "futures-signals-ai");
            assertThat(Files.isDirectory(dataDir.resolve("postgres"))).isTrue();
            assertThat(output).contains("Database: embedded PostgreSQL 17.")
                    .contains("data kept in " + dataDir.resolve("postgres"))
                    .contains("Chat channels: Telegram off")
                    .contains("LLM analyst: off; the technical analyst answers for every bot.")
                    .contains("Health: http://localhost:");

            assertThatThrownBy(() -> start("spring.datasource.url=", "signaldesk.database.data-dir=" + dataDir));
            assertThat(output).contains("APPLICATION FAILED TO START")
                    .contains("Another SignalDesk instance (process " + ProcessHandle.current().pid()
                            + ") is already using the data directory " + dataDir);
            assertThat(jdbc.queryForObject("select 1", Integer.class)).isEqualTo(1);
        }
    }

    @Test
    void anUnreachableDatabaseUrlIsNamedWithItsCauseInsteadOfAStackTrace(CapturedOutput output) {
        String url = "jdbc:postgresql://127.0.0.1:1/signaldesk";

        assertThatThrownBy(() -> start("spring.datasource.url=" + url + "?password=hunter2"));

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Cannot use the database at " + url + ": Connection to 127.0.0.1:1 refused")
                .contains("unset SPRING_DATASOURCE_URL to use the embedded PostgreSQL")
                .doesNotContain("hunter2")
                .doesNotContain("\tat org.postgresql");
    }

    /** Starts the application with these settings given as command-line arguments, above application.yml. */
    private static ConfigurableApplicationContext start(String... properties) {
        String[] arguments = Stream.concat(Stream.of("server.port=0", "management.server.port=0"), Stream.of(properties))
                .map(property -> "--" + property)
                .toArray(String[]::new);
        return new SpringApplicationBuilder(SignalDeskApplication.class).run(arguments);
    }
}
