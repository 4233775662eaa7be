/**
 * Where SignalDesk's data lives: the PostgreSQL given by {@code SPRING_DATASOURCE_URL}, or, when none
 * is configured, a real embedded PostgreSQL 17 whose data survives restarts in
 * {@code SIGNALDESK_DATA_DIR}. Nothing here is called by other modules; they use the
 * {@code DataSource} like any Spring application.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database")
package io.signaldesk.database;
