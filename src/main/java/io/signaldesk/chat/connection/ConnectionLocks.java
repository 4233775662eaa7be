package io.signaldesk.chat.connection;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.jdbc.lock.LockRepository;
import org.springframework.integration.leader.Candidate;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.integration.util.UUIDConverter;

/**
 * The chat connections' lock rows ({@link ConnectionLeadership}) and the rules of a leader's term: how
 * long a lock outlives its last renewal, how long a connect may take ({@code SIGNALDESK_CHAT_CONNECT_TIMEOUT}),
 * and the database's own word on who holds a platform's lock, asked by a {@link LeaderConnection} right
 * before it begins receiving.
 */
public final class ConnectionLocks {

    private static final Logger log = LoggerFactory.getLogger(ConnectionLocks.class);

    private final LockRepository repository;
    private final Duration timeToLive;
    private final Duration connectTimeout;

    public ConnectionLocks(LockRepository repository, Duration timeToLive, Duration connectTimeout) {
        this.repository = repository;
        this.timeToLive = timeToLive;
        this.connectTimeout = connectTimeout;
    }

    /**
     * Whether the database says this instance holds {@code role}'s lock, renewing it for a full time-to-live
     * when it does: the row is updated only where its client id is still this instance's, so after a
     * {@code true} no other instance can take the lock for that long (Spring Integration's
     * {@link org.springframework.integration.leader.Context#isLeader()} is only this instance's last
     * renewal's result). False too when the database does not answer in time.
     */
    boolean confirm(String role) {
        try {
            return repository.renew(lockKey(role), timeToLive);
        } catch (RuntimeException e) {
            log.warn("{}: the lock could not be confirmed in the database: {}", role, e.getMessage());
            return false;
        }
    }

    /** How long a connect may run before its term is given up. */
    Duration connectTimeout() {
        return connectTimeout;
    }

    /** A leader election for one platform's connection, started and stopped with the application. */
    public LockRegistryLeaderInitiator election(Candidate candidate) {
        var initiator = new LockRegistryLeaderInitiator(new JdbcLockRegistry(repository, timeToLive), candidate);
        initiator.setHeartBeatMillis(ConnectionLeadership.HEARTBEAT.toMillis());
        initiator.setBusyWaitMillis(1_000);
        return initiator;
    }

    /** The row key {@link JdbcLockRegistry} uses for a lock named after the role (its {@code pathFor}). */
    static String lockKey(String role) {
        return UUIDConverter.getUUID(role).toString();
    }
}
