package io.signaldesk.ops;

/** The work of one scheduled run that also says what it did (see {@link ScheduledJobs#runReporting}). */
@FunctionalInterface
public interface ReportingJob {

    JobReport run() throws Exception;
}
