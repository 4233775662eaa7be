package io.signaldesk.ops.instances;

import io.signaldesk.ops.RunningInstance;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This instance's {@code instance_heartbeat} row: written at start, beaten every
 * {@code signaldesk.ops.heartbeat-interval} (15 s) on every instance (a plain schedule, no lock: each instance beats
 * its own row), removed on a graceful shutdown. A crashed instance's row stays, dead after 60 s, and goes a day later.
 * A beat that fails (the database away) is logged and tried again at the next one.
 */
@Component
class InstanceHeartbeat {

    private static final Logger log = LoggerFactory.getLogger(InstanceHeartbeat.class);

    private static final Duration REMOVE_WAIT = Duration.ofSeconds(2);

    private final JdbcTemplate jdbc;
    private final RunningInstance instance;

    InstanceHeartbeat(JdbcTemplate jdbc, RunningInstance instance) {
        this.jdbc = jdbc;
        this.instance = instance;
    }

    @Scheduled(initialDelay = 0, fixedRateString = "${signaldesk.ops.heartbeat-interval:15s}")
    void beat() {
        try {
            jdbc.update("""
                    insert into instance_heartbeat (id, instance_id, host, pid, started_at, last_beat) values (?, ?, ?, ?, ?, now())
                    on conflict (id) do update set last_beat = now()""",
                    instance.id(), instance.name().value(), instance.host(), instance.pid(), Timestamp.from(instance.startedAt()));
            jdbc.update("delete from instance_heartbeat where last_beat < now() - interval '1 day'");
        } catch (RuntimeException e) {
            log.warn("Heartbeat of instance {} not written: {}", instance.name(), e.getMessage());
        }
    }

    /**
     * On a graceful shutdown (beans are destroyed before the pool closes). Waits at most {@link #REMOVE_WAIT} for the
     * database: one that is already gone must not hold the shutdown up (the row then dies after 60 s like a crash's).
     */
    @PreDestroy
    void remove() {
        Thread removal = Thread.ofVirtual().name("heartbeat-remove").start(() -> {
            try {
                jdbc.update("delete from instance_heartbeat where id = ?", instance.id());
            } catch (RuntimeException e) {
                log.warn("Heartbeat of instance {} not removed: {}", instance.name(), e.getMessage());
            }
        });
        try {
            if (!removal.join(REMOVE_WAIT)) {
                log.warn("Heartbeat of instance {} not removed within {}: the database does not answer", instance.name(), REMOVE_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
