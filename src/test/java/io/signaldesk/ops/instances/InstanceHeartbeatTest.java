package io.signaldesk.ops.instances;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import io.signaldesk.chat.ConnectionLeaders;
import io.signaldesk.ops.AliveInstances;
import io.signaldesk.ops.RunningInstance;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.util.UUIDConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each instance beats its own {@code instance_heartbeat} row: alive while it beats, dead after 60 s without a beat,
 * gone on a graceful shutdown; the chat connection locks carry the instance's run id, so the leader of a connection is
 * named from its heartbeat row.
 */
@IntegrationTest
class InstanceHeartbeatTest {

    @Autowired
    InstanceHeartbeat heartbeat;
    @Autowired
    AliveInstances instances;
    @Autowired
    RunningInstance self;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DefaultLockRepository chatConnectionLocks;
    @Autowired
    ConnectionLeaders leaders;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void thisInstanceBeatsIsAliveAndItsRowGoesOnShutdown() {
        heartbeat.beat();
        AliveInstances.Instance me = instances.all().stream().filter(instance -> instance.id().equals(self.id())).findFirst().orElseThrow();
        assertThat(me.alive()).isTrue();
        assertThat(me.name()).isEqualTo(self.name().value());
        assertThat(me.pid()).isEqualTo(ProcessHandle.current().pid());

        jdbc.update("update instance_heartbeat set last_beat = now() - interval '61 seconds' where id = ?", self.id());
        assertThat(instances.all().stream().filter(instance -> instance.id().equals(self.id())).findFirst().orElseThrow().alive()).isFalse();

        heartbeat.remove();
        assertThat(instances.all()).noneMatch(instance -> instance.id().equals(self.id()));
        heartbeat.beat();
        assertThat(instances.all()).anyMatch(instance -> instance.id().equals(self.id()) && instance.alive());
    }

    @Test
    void aCrashedInstancesRowIsDeadAndGoesAfterADay() {
        UUID crashed = UUID.randomUUID();
        UUID longGone = UUID.randomUUID();
        jdbc.update("insert into instance_heartbeat values (?, 'crashed-1', 'host-a', 42, now() - interval '1 hour', now() - interval '5 minutes')",
                crashed);
        jdbc.update("insert into instance_heartbeat values (?, 'gone-1', 'host-b', 43, now() - interval '3 days', now() - interval '2 days')",
                longGone);
        heartbeat.beat();
        assertThat(instances.all()).anyMatch(instance -> instance.id().equals(crashed) && !instance.alive())
                .noneMatch(instance -> instance.id().equals(longGone));
        jdbc.update("delete from instance_heartbeat where id = ?", crashed);
    }

    @Test
    void aChatConnectionLockIsHeldUnderThisInstancesRunIdAndItsLeaderIsNamed() {
        String key = UUIDConverter.getUUID("heartbeat-test-" + UUID.randomUUID()).toString();
        assertThat(chatConnectionLocks.acquire(key)).isTrue();
        try {
            assertThat(jdbc.queryForObject("select client_id from int_lock where lock_key = ? and region = 'chat-connections'", String.class, key))
                    .isEqualTo(self.id().toString());
        } finally {
            chatConnectionLocks.delete(key);
        }
        // the discord role's row, as its election writes it, in a transaction that is rolled back (no real election disturbed)
        transactions.executeWithoutResult(status -> {
            String discord = UUIDConverter.getUUID("discord").toString();
            jdbc.update("delete from int_lock where lock_key = ? and region = 'chat-connections'", discord);
            jdbc.update("insert into int_lock values (?, 'chat-connections', ?, now() at time zone 'UTC',"
                    + " (now() at time zone 'UTC') + interval '30 seconds')", discord, self.id().toString());
            assertThat(leaders.all()).anyMatch(leader -> leader.platform().equals("discord") && leader.holder().equals(Optional.of(self.id())));
            jdbc.update("update int_lock set expired_after = (now() at time zone 'UTC') - interval '1 second' where lock_key = ?", discord);
            assertThat(leaders.all()).anyMatch(leader -> leader.platform().equals("discord") && leader.holder().isEmpty());
            status.setRollbackOnly();
        });
    }
}
