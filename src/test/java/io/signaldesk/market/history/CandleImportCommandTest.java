package io.signaldesk.market.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.TestDatabase;
import io.signaldesk.SignalDeskApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code --import-candles} command end to end: its own context on the test's PostgreSQL (as
 * {@code SPRING_DATASOURCE_URL} would give it), Flyway included, then exit codes and output.
 */
class CandleImportCommandTest {

    @TempDir
    Path folder;

    /** A pair no other run has stored (the database may be shared and is migrated by the command itself). */
    private final String pair = "CMD" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(java.util.Locale.ROOT);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void importsTheFileIntoTheServicesDatabaseAndExitsWithZero() throws Exception {
        Path file = folder.resolve("cmd-1h.csv");
        Files.writeString(file, """
                open_time,open,high,low,close,volume
                1704067200000,10,12,9,11,100
                1704070800000,11,13,10,12,90
                """);

        int code = run("--import-candles", "--exchange=bybit", "--pair=" + pair.toLowerCase(java.util.Locale.ROOT) + "/usdt", "--timeframe=1h", "--file=" + file);

        assertThat(code).as(text(err)).isZero();
        assertThat(text(out)).contains("bybit " + pair + "/USDT 1h perp: 2 candles 2024-01-01T00:00:00Z .. 2024-01-01T01:00:00Z imported");
        assertThat(count("select count(*) from candle where symbol = '" + pair + "/USDT' and exchange = 'bybit' and closed")).isEqualTo(2);
    }

    @Test
    void aBadFileExitsWithOneNamingTheLineAndStoresNothing() throws Exception {
        Path file = folder.resolve("bad-1h.csv");
        Files.writeString(file, "open_time,open,high,low,close,volume\n1704067200000,10,12,9,11,100\n1704067200000,10,12,9,11,100\n");

        int code = run("--import-candles", "--exchange=okx", "--pair=" + pair + "/USDT", "--timeframe=1h", "--file=" + file);

        assertThat(code).isEqualTo(1);
        assertThat(text(err)).contains("Import refused: bad-1h.csv, line 3:").contains("nothing was imported");
        assertThat(count("select count(*) from candle where symbol = '" + pair + "/USDT'")).isZero();
    }

    @Test
    void wrongArgumentsExitWithTwoAndTheUsage() {
        int code = run("--import-candles", "--exchange=nasdaq", "--pair=BTC/USDT");

        assertThat(code).isEqualTo(2);
        assertThat(text(err)).contains("missing or unknown: --exchange, --timeframe, --file").contains("usage: --import-candles");
    }

    private int run(String... args) {
        TestDatabase database = TestDatabase.get();
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + (database.username() == null ? "" : database.username()),
                "--spring.datasource.password=" + (database.password() == null ? "" : database.password()))).toArray(String[]::new);
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return SignalDeskApplication.importCandles(all);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }

    private static Connection connection() throws Exception {
        TestDatabase database = TestDatabase.get();
        return DriverManager.getConnection(database.url(), database.username(), database.password());
    }

    private static int count(String sql) throws Exception {
        try (Connection connection = connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
