package io.signaldesk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.IntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Runs, failures and duration percentiles (percentile_cont) per job over 24 h and 7 days, and the last errors. */
@IntegrationTest
class JobRunStatisticsTest {

    @Autowired
    JobRunStatistics statistics;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void percentilesAndFailuresAreCountedPerWindow() {
        String job = "test.stats-" + UUID.randomUUID().toString().substring(0, 8);
        run(job, "1 hour", 1, "SUCCEEDED", null);
        run(job, "2 hours", 2, "SUCCEEDED", null);
        run(job, "3 hours", 3, "FAILED", "TimeoutException: old error");
        run(job, "4 hours", 10, "SUCCEEDED", null);
        run(job, "3 days", 100, "FAILED", "IOException: days ago");
        run(job, "9 days", 1000, "FAILED", "out of the week");
        jdbc.update("insert into job_run (job_name, instance_id, started_at, outcome) values (?, 'stats', now(), 'RUNNING')", job);

        JobRunStatistics.Window day = statistics.over(Duration.ofHours(24)).get(job);
        assertThat(day.runs()).isEqualTo(4);
        assertThat(day.failed()).isEqualTo(1);
        assertThat(day.failureRate()).isEqualTo(0.25);
        assertThat(day.p50()).isEqualTo(Duration.ofMillis(2500));
        assertThat(day.p95()).isEqualTo(Duration.ofMillis(8950));
        assertThat(day.max()).isEqualTo(Duration.ofSeconds(10));

        JobRunStatistics.Window week = statistics.over(Duration.ofDays(7)).get(job);
        assertThat(week.runs()).isEqualTo(5);
        assertThat(week.failed()).isEqualTo(2);
        assertThat(week.max()).isEqualTo(Duration.ofSeconds(100));

        assertThat(statistics.lastErrors(Duration.ofDays(7), 3).stream().filter(error -> error.job().equals(job)).map(JobRunStatistics.RecentError::error))
                .containsExactly("TimeoutException: old error", "IOException: days ago");
        assertThat(statistics.lastErrors(Duration.ofDays(7), 1).stream().filter(error -> error.job().equals(job))).hasSize(1);
    }

    private void run(String job, String ago, int seconds, String outcome, String error) {
        jdbc.update("""
                insert into job_run (job_name, instance_id, started_at, finished_at, outcome, error)
                values (?, 'stats', now() - ?::interval, now() - ?::interval + make_interval(secs => ?), ?, ?)""",
                job, ago, ago, seconds, outcome, error);
    }
}
