package io.signaldesk.chat.connection;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.leader.Candidate;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;

/**
 * Which instance holds a chat platform's connection (a Telegram token can be polled by one process, a
 * Discord gateway session delivers each event once per connection): a lock row per platform in
 * PostgreSQL through Spring Integration's {@link JdbcLockRegistry}, renewed every 2 s by its holder and
 * taken over {@link #TIME_TO_LIVE} after a holder dies. The renewal runs on the thread that announces
 * leadership, so a candidate must not connect there: {@link LeaderConnection} connects on a thread of
 * its own and checks the lock again before it starts receiving.
 */
@Configuration(proxyBeanMethods = false)
public class ConnectionLeadership {

    /** How long a leader's lock outlives its last renewal. */
    public static final Duration TIME_TO_LIVE = Duration.ofSeconds(30);

    @Bean
    DefaultLockRepository chatConnectionLocks(DataSource dataSource) {
        var repository = new DefaultLockRepository(dataSource);
        repository.setRegion("chat-connections");
        return repository;
    }

    /** A leader election for one platform's connection, started and stopped with the application. */
    public static LockRegistryLeaderInitiator election(DefaultLockRepository locks, Candidate candidate) {
        var initiator = new LockRegistryLeaderInitiator(new JdbcLockRegistry(locks, TIME_TO_LIVE), candidate);
        initiator.setHeartBeatMillis(2_000);
        initiator.setBusyWaitMillis(1_000);
        return initiator;
    }
}
