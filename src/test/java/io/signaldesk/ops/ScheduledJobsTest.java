package io.signaldesk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.IntegrationTest;
import io.signaldesk.ops.jobs.JobOutcome;
import io.signaldesk.ops.jobs.JobRun;
import io.signaldesk.ops.jobs.JobRunRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class ScheduledJobsTest {

    private static final AtomicInteger names = new AtomicInteger();

    @Autowired
    ScheduledJobs jobs;
    @Autowired
    JobRunRepository runs;
    @Autowired
    InstanceId instance;
    @Autowired
    MeterRegistry meters;
    @Autowired
    DataSource dataSource;

    @Test
    void aSuccessfulRunIsRecordedWithItsItemsAndTimed() {
        JobDefinition job = job();

        boolean ran = jobs.run(job, () -> 7);

        assertThat(ran).isTrue();
        JobRun run = onlyRunOf(job);
        assertThat(run.outcome()).isEqualTo(JobOutcome.SUCCEEDED);
        assertThat(run.itemsProcessed()).isEqualTo(7);
        assertThat(run.instanceId()).isEqualTo(instance.value());
        assertThat(run.finishedAt()).isAfterOrEqualTo(run.startedAt());
        assertThat(run.error()).isNull();
        assertThat(meters.get("signaldesk.jobs").tags("job", job.name(), "outcome", "SUCCEEDED").timer().count())
                .isEqualTo(1);
    }

    @Test
    void aFailingRunIsRecordedWithItsErrorAndDoesNotEscape() {
        JobDefinition job = job();

        boolean ran = jobs.run(job, () -> {
            throw new IllegalStateException("exchange down");
        });

        assertThat(ran).isTrue();
        JobRun run = onlyRunOf(job);
        assertThat(run.outcome()).isEqualTo(JobOutcome.FAILED);
        assertThat(run.error()).isEqualTo("IllegalStateException: exchange down");
        assertThat(run.finishedAt()).isNotNull();
        assertThat(run.itemsProcessed()).isNull();
    }

    @Test
    void whileOneInstanceRunsAJobAnotherInstanceSkipsItAndRecordsNothing() throws Exception {
        JobDefinition job = job();
        ScheduledJobs otherInstance = instanceNamed("other-instance");
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);

        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> jobs.run(job, () -> {
            running.countDown();
            return finish.await(10, TimeUnit.SECONDS) ? 1 : 0;
        }));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        boolean secondRan = otherInstance.run(job, () -> 1);
        finish.countDown();

        assertThat(secondRan).isFalse();
        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(onlyRunOf(job).instanceId()).isEqualTo(instance.value());

        assertThat(otherInstance.run(job, () -> 2)).as("the lock is free again once the run ended").isTrue();
        assertThat(runs.findByJobNameOrderByStartedAtDesc(job.name()))
                .extracting(JobRun::instanceId).containsExactly("other-instance", instance.value());
    }

    private ScheduledJobs instanceNamed(String name) {
        var lockProvider = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().withLockedByValue(name).build());
        return new ScheduledJobs(new DefaultLockingTaskExecutor(lockProvider), runs, new InstanceId(name),
                Clock.systemUTC(), meters);
    }

    private JobRun onlyRunOf(JobDefinition job) {
        List<JobRun> recorded = runs.findByJobNameOrderByStartedAtDesc(job.name());
        assertThat(recorded).hasSize(1);
        return recorded.getFirst();
    }

    private static JobDefinition job() {
        return new JobDefinition("test.job-" + names.incrementAndGet() + "-" + System.nanoTime(), Duration.ofMinutes(1), Duration.ZERO);
    }
}
