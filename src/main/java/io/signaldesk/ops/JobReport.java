package io.signaldesk.ops;

/**
 * What a {@link ReportingJob}'s run did: the items it processed and, in words, what they were (recorded in the
 * run's {@code job_run.summary}; null for none).
 */
public record JobReport(int items, String summary) {
}
