package io.signaldesk.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signaldesk.StartupFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void keepsItsDataAcrossRestarts() throws Exception {
        try (var database = EmbeddedDatabase.start(dataDir, 0); var connection = connect(database)) {
            connection.createStatement().execute("create table kept (note text); insert into kept values ('still here')");
        }

        try (var database = EmbeddedDatabase.start(dataDir, 0); var connection = connect(database)) {
            ResultSet rows = connection.createStatement().executeQuery("select note from kept");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void aSecondInstanceOnTheSameDataDirectoryRefusesAndLeavesTheFirstAlone() throws Exception {
        try (var first = EmbeddedDatabase.start(dataDir, 0)) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir, 0))
                    .isInstanceOf(StartupFailure.class)
                    .hasMessageContaining("Another SignalDesk instance (process " + ProcessHandle.current().pid() + ")")
                    .hasMessageContaining("is already using the data directory " + dataDir.toAbsolutePath())
                    .satisfies(failure -> assertThat(((StartupFailure) failure).action()).contains("SIGNALDESK_DATA_DIR"));

            try (var connection = connect(first)) {
                assertThat(connection.isValid(2)).isTrue();
            }
        }
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsNamedInTheFailure() throws Exception {
        Path aFile = Files.writeString(dataDir.resolve("not-a-folder"), "x");
        Path impossible = aFile.resolve("data");

        assertThatThrownBy(() -> EmbeddedDatabase.start(impossible, 0))
                .isInstanceOf(StartupFailure.class)
                .hasMessageStartingWith("The data directory " + impossible + " cannot be created");
    }

    private static Connection connect(EmbeddedDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, "");
    }
}
