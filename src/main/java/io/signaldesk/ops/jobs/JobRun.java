package io.signaldesk.ops.jobs;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One run of a scheduled job on one instance: inserted when it starts, completed when it ends. */
@Table("job_run")
public record JobRun(
        @Id Long id,
        String jobName,
        String instanceId,
        Instant startedAt,
        Instant finishedAt,
        JobOutcome outcome,
        Integer itemsProcessed,
        String error,
        String summary) {

    static final int MAX_ERROR_LENGTH = 2000;

    public static JobRun started(String jobName, String instanceId, Instant at) {
        return new JobRun(null, jobName, instanceId, at, null, JobOutcome.RUNNING, null, null, null);
    }

    public JobRun succeeded(Instant at, int items) {
        return succeeded(at, items, null);
    }

    /** @param summary what the run did in words, cut to 2,000 characters; null for none */
    public JobRun succeeded(Instant at, int items, String summary) {
        return new JobRun(id, jobName, instanceId, startedAt, at, JobOutcome.SUCCEEDED, items, null, cut(summary));
    }

    public JobRun failed(Instant at, Throwable cause) {
        String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return new JobRun(id, jobName, instanceId, startedAt, at, JobOutcome.FAILED, null, cut(text), null);
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
