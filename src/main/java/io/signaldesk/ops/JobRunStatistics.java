package io.signaldesk.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Per job over a window (24 h, 7 days): its finished runs, how many failed, and the duration percentiles (PostgreSQL's
 * {@code percentile_cont}) of the finished runs; and its last errors. What the dashboard shows, Flower-like.
 */
@Component
public class JobRunStatistics {

    /** @param p50 null when no run finished in the window */
    public record Window(String job, int runs, int failed, Duration p50, Duration p95, Duration max) {

        public double failureRate() {
            return runs == 0 ? 0 : (double) failed / runs;
        }
    }

    public record RecentError(String job, Instant startedAt, String instance, String error) {
    }

    private final JdbcTemplate jdbc;

    JobRunStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every job that finished a run in the last {@code window}, by name. */
    public Map<String, Window> over(Duration window) {
        return jdbc.query("""
                        select job_name, count(*) as runs, count(*) filter (where outcome = 'FAILED') as failed,
                               percentile_cont(0.5) within group (order by extract(epoch from finished_at - started_at)) as p50,
                               percentile_cont(0.95) within group (order by extract(epoch from finished_at - started_at)) as p95,
                               max(extract(epoch from finished_at - started_at)) as max
                          from job_run
                         where finished_at is not null and started_at > now() - make_interval(secs => ?)
                         group by job_name""",
                (row, i) -> new Window(row.getString("job_name"), row.getInt("runs"), row.getInt("failed"), seconds(row.getObject("p50")),
                        seconds(row.getObject("p95")), seconds(row.getObject("max"))), window.toSeconds())
                .stream().collect(Collectors.toMap(Window::job, Function.identity()));
    }

    /** The last {@code perJob} failed runs of each job within {@code window}, newest first. */
    public List<RecentError> lastErrors(Duration window, int perJob) {
        return jdbc.query("""
                        select job_name, started_at, instance_id, error from (
                            select job_name, started_at, instance_id, error,
                                   row_number() over (partition by job_name order by started_at desc) as n
                              from job_run where outcome = 'FAILED' and started_at > now() - make_interval(secs => ?)) failed
                         where n <= ? order by started_at desc""",
                (row, i) -> new RecentError(row.getString("job_name"), row.getTimestamp("started_at").toInstant(), row.getString("instance_id"),
                        row.getString("error")), window.toSeconds(), perJob);
    }

    private static Duration seconds(Object value) {
        return value == null ? null : Duration.ofNanos(Math.round(((Number) value).doubleValue() * 1e9));
    }
}
