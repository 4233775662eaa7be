package io.signaldesk.ops.jobs;

import io.signaldesk.ops.InstanceId;
import io.signaldesk.ops.RunningInstance;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ShedLock, configured once: locks in the {@code shedlock} table, timed by the database's clock (so
 * instances with skewed clocks still agree), owned by this instance's id. Jobs do not use
 * {@code @SchedulerLock}; they go through {@link io.signaldesk.ops.ScheduledJobs}, which takes the
 * lock and records the run in one step.
 */
@Configuration(proxyBeanMethods = false)
class ShedLockConfiguration {

    @Bean
    InstanceId instanceId(@Value("${signaldesk.instance-id:}") String configured) {
        if (!configured.isBlank()) {
            return new InstanceId(configured);
        }
        return new InstanceId(host() + "-" + ProcessHandle.current().pid());
    }

    /** This process with a run id of its own, whatever {@code SIGNALDESK_INSTANCE_ID} says (two processes never share it). */
    @Bean
    RunningInstance runningInstance(InstanceId instanceId) {
        return new RunningInstance(UUID.randomUUID(), instanceId, host(), ProcessHandle.current().pid(), Instant.now());
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @Bean
    LockProvider lockProvider(DataSource dataSource, InstanceId instanceId) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .withLockedByValue(instanceId.value())
                .build());
    }

    @Bean
    LockingTaskExecutor lockingTaskExecutor(LockProvider lockProvider) {
        return new DefaultLockingTaskExecutor(lockProvider);
    }
}
