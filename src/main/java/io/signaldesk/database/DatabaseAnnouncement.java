package io.signaldesk.database;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Says in the start-up log, in plain words, which database this instance uses. */
@Component
class DatabaseAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAnnouncement.class);

    private final DataSource dataSource;
    private final ObjectProvider<EmbeddedDatabase> embedded;

    DatabaseAnnouncement(DataSource dataSource, ObjectProvider<EmbeddedDatabase> embedded) {
        this.dataSource = dataSource;
        this.embedded = embedded;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void announce() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String server = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
            String url = JdbcUrls.withoutParameters(meta.getURL());
            EmbeddedDatabase database = embedded.getIfAvailable();
            if (database != null) {
                log.info("Database: embedded {} at {}, data kept in {}. Set SPRING_DATASOURCE_URL, "
                        + "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD to use your own PostgreSQL.",
                        server, url, database.dataDirectory());
            } else {
                log.info("Database: {} at {} (from SPRING_DATASOURCE_URL).", server, url);
            }
        } catch (SQLException e) {
            log.warn("Database: not reachable right now ({}).", e.getMessage());
        }
    }
}
