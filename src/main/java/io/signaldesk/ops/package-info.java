/**
 * Operations: the one way scheduled jobs run ({@link io.signaldesk.ops.ScheduledJobs}: ShedLock plus a
 * recorded run), this instance's identity, and where health and metrics are served.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
package io.signaldesk.ops;
