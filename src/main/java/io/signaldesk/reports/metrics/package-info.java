/**
 * Daily metrics: {@code reports.calculate-metrics} stores, per calendar day of {@code SIGNALDESK_JOBS_ZONE}, each
 * subscription's signal counts and R sums, the fixed-risk model's equity growth and drawdown pieces, each user's PnL and
 * equity, and whether the day had data at all; {@link io.signaldesk.reports.metrics.ReportMetrics} reads any span of
 * days back as sums (ratios are derived on reading, never stored).
 */
package io.signaldesk.reports.metrics;
