package io.signaldesk.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dataDir      the folder that holds the embedded PostgreSQL's data ({@code SIGNALDESK_DATA_DIR})
 * @param embeddedPort the embedded PostgreSQL's port; 0 picks a free one at each start
 */
@ConfigurationProperties("signaldesk.database")
record DatabaseProperties(Path dataDir, int embeddedPort) {
}
