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
        String error) {

    static final int MAX_ERROR_LENGTH = 2000;

    public static JobRun started(String jobName, String instanceId, Instant at) {
        return new JobRun(null, jobName, instanceId, at, null, JobOutcome.RUNNING, null, null);
    }

    public JobRun succeeded(Instant at, int items) {
        return new JobRun(id, jobName, instanceId, startedAt, at, JobOutcome.SUCCEEDED, items, null);
    }

    public JobRun failed(Instant at, Throwable cause) {
        String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        String error = text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
        return new JobRun(id, jobName, instanceId, startedAt, at, JobOutcome.FAILED, null, error);
    }
}
