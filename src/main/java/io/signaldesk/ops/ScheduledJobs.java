package io.signaldesk.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.signaldesk.ops.jobs.JobRun;
import io.signaldesk.ops.jobs.JobRunRepository;
import java.time.Clock;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one way a scheduled job runs. A job class is a thin {@code @Scheduled} method that calls
 * {@link #run(JobDefinition, Job)} with its use case:
 * <ol>
 *   <li>the ShedLock lock named after the job is taken, so one instance runs each period;</li>
 *   <li>a {@code job_run} row (job, instance, start) is written before the work starts;</li>
 *   <li>the row is completed with the outcome, the items processed or the error;</li>
 *   <li>a {@code signaldesk.jobs} timer (tags: job, outcome) is updated for Prometheus.</li>
 * </ol>
 * A run skipped because another instance holds the lock is not recorded. A failing job is logged
 * and recorded; it never escapes into the scheduler.
 */
@Component
public class ScheduledJobs {

    private static final Logger log = LoggerFactory.getLogger(ScheduledJobs.class);

    private final LockingTaskExecutor locks;
    private final JobRunRepository runs;
    private final InstanceId instance;
    private final Clock clock;
    private final MeterRegistry meters;

    ScheduledJobs(LockingTaskExecutor locks, JobRunRepository runs, InstanceId instance, Clock clock, MeterRegistry meters) {
        this.locks = locks;
        this.runs = runs;
        this.instance = instance;
        this.clock = clock;
        this.meters = meters;
    }

    /** Runs the job if no other instance holds its lock; returns whether it ran here. */
    public boolean run(JobDefinition job, Job work) {
        return runReporting(job, () -> new JobReport(work.run(), null));
    }

    /** Like {@link #run}, for a job that also says what it did: its summary is recorded in the run. */
    public boolean runReporting(JobDefinition job, ReportingJob work) {
        var lock = new LockConfiguration(clock.instant(), job.name(), job.lockAtMostFor(), job.lockAtLeastFor());
        try {
            boolean ran = locks.executeWithLock(() -> recorded(job, work), lock).wasExecuted();
            if (!ran) {
                log.debug("Job {} skipped: another instance holds its lock", job.name());
            }
            return ran;
        } catch (Throwable e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.error("Job {} could not run on {}: {}", job.name(), instance, e.toString(), e);
            return false;
        }
    }

    /**
     * Runs a job on this instance whether or not others run it too, recorded like any other: for work
     * that is already split safely between instances (e.g. the subscription tick, whose claims are
     * exclusive), where a lock would only stop instances sharing it.
     */
    public void runOnThisInstance(JobDefinition job, Job work) {
        try {
            recorded(job, () -> new JobReport(work.run(), null));
        } catch (RuntimeException e) {
            log.error("Job {} could not run on {}: {}", job.name(), instance, e.toString(), e);
        }
    }

    private JobRun recorded(JobDefinition job, ReportingJob work) {
        JobRun run = runs.save(JobRun.started(job.name(), instance.value(), clock.instant()));
        Timer.Sample sample = Timer.start(meters);
        try {
            JobReport report = work.run();
            run = runs.save(run.succeeded(clock.instant(), report.items(), report.summary()));
            log.debug("Job {} succeeded on {}: {} items", job.name(), instance, report.items());
        } catch (Exception e) {
            log.error("Job {} failed on {}", job.name(), instance, e);
            run = runs.save(run.failed(clock.instant(), e));
        }
        sample.stop(meters.timer("signaldesk.jobs", "job", job.name(), "outcome", run.outcome().name()));
        return run;
    }
}
