package io.signaldesk.ops;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The read side of job runs: the latest run of each job, for {@code /status}. */
@Component
public class JobRunHistory {

    private final JdbcTemplate jdbc;

    JobRunHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param finishedAt null while running
     * @param items      items processed, null when the job does not count or has not finished
     */
    public record LastRun(String job, String instance, Instant startedAt, Instant finishedAt, String outcome, Integer items,
                          String error, String summary) {
    }

    public List<LastRun> latestPerJob() {
        return jdbc.query("select distinct on (job_name) job_name, instance_id, started_at, finished_at, outcome, items_processed, error, summary"
                        + " from job_run order by job_name, started_at desc",
                (row, i) -> new LastRun(row.getString("job_name"), row.getString("instance_id"),
                        row.getTimestamp("started_at").toInstant(),
                        row.getTimestamp("finished_at") == null ? null : row.getTimestamp("finished_at").toInstant(),
                        row.getString("outcome"), (Integer) row.getObject("items_processed"), row.getString("error"),
                        row.getString("summary")));
    }
}
