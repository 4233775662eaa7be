/**
 * Operations: the one way scheduled jobs run ({@link io.signaldesk.ops.ScheduledJobs}: ShedLock plus a
 * recorded run), this instance's identity and heartbeat ({@code instance_heartbeat}: {@link io.signaldesk.ops.AliveInstances}),
 * the job runs' statistics ({@link io.signaldesk.ops.JobRunStatistics}), and where health and metrics are served.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
package io.signaldesk.ops;
