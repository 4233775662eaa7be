package io.signaldesk.ops.jobs;

/** Where a recorded job run stands. */
public enum JobOutcome {
    RUNNING, SUCCEEDED, FAILED
}
