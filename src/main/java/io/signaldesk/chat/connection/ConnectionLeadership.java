package io.signaldesk.chat.connection;

import com.zaxxer.hikari.HikariDataSource;
import io.signaldesk.ops.RunningInstance;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * Which instance holds a chat platform's connection (a Telegram token can be polled by one process, a
 * Discord gateway session delivers each event once per connection): a lock row per platform in
 * PostgreSQL through Spring Integration's {@link JdbcLockRegistry}, renewed every {@link #HEARTBEAT} by
 * its holder and taken over {@link #TIME_TO_LIVE} after a holder dies. The renewal runs on the thread
 * that announces leadership, so a candidate must not connect there: {@link LeaderConnection} connects
 * on a thread of its own, within {@code SIGNALDESK_CHAT_CONNECT_TIMEOUT}, and asks the database
 * ({@link ConnectionLocks#confirm}) before it starts receiving.
 *
 * <p>The lock rows have connections of their own ({@link LockConnections}): on the application's
 * pool, a busy moment (every connection taken, 30 s to wait for one) could hold a renewal up past the
 * lock's time-to-live; another instance would take the lock while this one still believed it led.
 * With its own small pool, a renewal gets a connection or fails within a second, a statement within
 * two: a leader whose renewals fail learns it a few seconds later, long before the lock can pass on.
 */
@Configuration(proxyBeanMethods = false)
public class ConnectionLeadership {

    /** How long a leader's lock outlives its last renewal. */
    public static final Duration TIME_TO_LIVE = Duration.ofSeconds(30);
    /** How often the leader renews its lock. */
    static final Duration HEARTBEAT = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(ConnectionLeadership.class);

    /** The lock rows' own connections; a record, not a {@code DataSource} bean the rest of the application would take. */
    record LockConnections(DataSource dataSource, boolean own) implements AutoCloseable {
        @Override
        public void close() {
            if (own && dataSource instanceof HikariDataSource pool) {
                pool.close();
            }
        }
    }

    @Bean
    LockConnections chatLockConnections(DataSource application) {
        HikariDataSource source;
        try {
            source = application.isWrapperFor(HikariDataSource.class) ? application.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            source = null;
        }
        if (source == null) {
            log.warn("Chat connection locks: the DataSource is not a Hikari pool; the locks share its connections");
            return new LockConnections(application, false);
        }
        var pool = new HikariDataSource();
        pool.setPoolName("signaldesk-chat-locks");
        pool.setJdbcUrl(source.getJdbcUrl());
        pool.setUsername(source.getUsername());
        pool.setPassword(source.getPassword());
        if (source.getDriverClassName() != null) {
            pool.setDriverClassName(source.getDriverClassName());
        }
        Properties properties = new Properties();
        properties.putAll(source.getDataSourceProperties());
        pool.setDataSourceProperties(properties);
        // the Telegram and the Discord elections' renewals, and a leader's confirmation before it begins
        pool.setMaximumPoolSize(3);
        pool.setMinimumIdle(1);
        // under the heartbeat: a renewal that cannot get a connection fails (and the leader steps down) at once
        pool.setConnectionTimeout(1_000);
        pool.setValidationTimeout(500);
        pool.setConnectionInitSql("SET statement_timeout = 2000");
        pool.addDataSourceProperty("socketTimeout", "5");
        pool.setInitializationFailTimeout(-1);
        return new LockConnections(pool, true);
    }

    @Bean
    DefaultLockRepository chatConnectionLocks(LockConnections connections, RunningInstance instance) {
        // the lock rows' client id is this process's run id: the dashboard names the leader from its heartbeat row
        var repository = new DefaultLockRepository(connections.dataSource(), instance.id().toString());
        repository.setRegion("chat-connections");
        repository.setTransactionManager(new JdbcTransactionManager(connections.dataSource()));
        return repository;
    }

    @Bean
    ConnectionLocks connectionLocks(DefaultLockRepository chatConnectionLocks,
                                    @Value("${signaldesk.chat.connect-timeout}") Duration connectTimeout) {
        return new ConnectionLocks(chatConnectionLocks, TIME_TO_LIVE, connectTimeout);
    }
}
