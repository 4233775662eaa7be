package io.signaldesk.ops.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class PruneJobRunsJobTest {

    @Autowired
    PruneJobRunsJob pruneJob;
    @Autowired
    JobRunRepository runs;

    @Test
    void deletesRunsPastTheRetentionKeepsTheRestAndRecordsItsOwnRun() {
        Instant now = Instant.now();
        JobRun old = runs.save(JobRun.started("test.old", "i-1", now.minus(Duration.ofDays(31))).succeeded(now.minus(Duration.ofDays(31)), 1));
        JobRun older = runs.save(JobRun.started("test.old", "i-1", now.minus(Duration.ofDays(90))).succeeded(now.minus(Duration.ofDays(90)), 1));
        JobRun recent = runs.save(JobRun.started("test.recent", "i-1", now.minus(Duration.ofDays(29))).succeeded(now.minus(Duration.ofDays(29)), 1));

        pruneJob.run();

        assertThat(runs.findById(old.id())).isEmpty();
        assertThat(runs.findById(older.id())).isEmpty();
        assertThat(runs.findById(recent.id())).isPresent();
        assertThat(runs.findByJobNameOrderByStartedAtDesc(PruneJobRunsJob.JOB.name()).getFirst())
                .satisfies(run -> {
                    assertThat(run.outcome()).isEqualTo(JobOutcome.SUCCEEDED);
                    assertThat(run.itemsProcessed()).isEqualTo(2);
                });
    }
}
