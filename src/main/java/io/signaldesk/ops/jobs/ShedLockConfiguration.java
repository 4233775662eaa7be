package io.signaldesk.ops.jobs;

import io.signaldesk.ops.InstanceId;
import java.net.InetAddress;
import java.net.UnknownHostException;
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
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return new InstanceId(host + "-" + ProcessHandle.current().pid());
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
