package io.signaldesk.database;

import io.signaldesk.StartupFailure;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A real PostgreSQL 17 (zonky's binaries, no installation) whose data lives in
 * {@code <data dir>/postgres} and survives restarts. The data directory is locked first, so a second
 * instance on the same directory refuses before it touches anything.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String USER = "postgres";
    static final String DATABASE = "signaldesk";

    private final EmbeddedPostgres postgres;
    private final DataDirectoryLock lock;
    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, DataDirectoryLock lock, Path dataDirectory) {
        this.postgres = postgres;
        this.lock = lock;
        this.dataDirectory = dataDirectory;
    }

    static EmbeddedDatabase start(Path dataDir, int port) {
        requireBinaries();
        Path directory = dataDir.toAbsolutePath().normalize();
        prepare(directory);
        DataDirectoryLock lock = DataDirectoryLock.acquire(directory);
        Path postgresData = directory.resolve("postgres");
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(postgresData)
                    .setCleanDataDirectory(false);
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            try {
                createDatabaseIfMissing(postgres);
            } catch (SQLException | RuntimeException e) {
                closeQuietly(postgres);
                throw e;
            }
            return new EmbeddedDatabase(postgres, lock, postgresData);
        } catch (IOException | SQLException | RuntimeException e) {
            closeQuietly(lock);
            throw new StartupFailure(
                    "The embedded PostgreSQL could not start in %s: %s".formatted(postgresData, rootCause(e)),
                    "Check the folder and the port (SIGNALDESK_EMBEDDED_DB_PORT), or use your own PostgreSQL with "
                            + "SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.", e);
        }
    }

    /** The Docker image's jar is built without them ({@code -Pimage}): say so rather than fail inside zonky. */
    private static void requireBinaries() {
        try {
            if (new PathMatchingResourcePatternResolver().getResources("classpath*:postgres-*.txz").length == 0) {
                throw new StartupFailure("This build carries no embedded PostgreSQL (the Docker image leaves it out).",
                        "Point it at your PostgreSQL with SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and "
                                + "SPRING_DATASOURCE_PASSWORD (docker-compose.yml sets them).");
            }
        } catch (IOException e) {
            // cannot tell: let the start itself say what is wrong
        }
    }

    private static void prepare(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException | SecurityException e) {
            throw new StartupFailure("The data directory %s cannot be created: %s".formatted(directory, e),
                    "Point SIGNALDESK_DATA_DIR at a folder this user may write.", e);
        }
        if (!Files.isWritable(directory)) {
            throw new StartupFailure("The data directory %s is not writable.".formatted(directory),
                    "Point SIGNALDESK_DATA_DIR at a folder this user may write.");
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("create database " + DATABASE);
            }
        }
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // the start-up failure is what matters
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:%d/%s".formatted(postgres.getPort(), DATABASE);
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            lock.close();
        }
    }
}
