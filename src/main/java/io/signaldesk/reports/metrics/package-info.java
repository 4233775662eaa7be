/**
 * Daily metrics: {@code reports.calculate-metrics} stores, per calendar day of {@code SIGNALDESK_JOBS_ZONE}, each
 * subscription's signal counts and R sums, the fixed-risk model's equity growth and drawdown pieces, each user's PnL and
 * equity (exchange and paper apart), and whether the day had data at all;
 * {@link io.signaldesk.reports.metrics.ReportMetrics} reads any span of days back as sums (ratios are derived on reading,
 * never stored).
 *
 * <p>What a day's figures see: only facts known by its end (signals, closes, balances, marks, sync failures that began
 * before it ended, subscriptions live within it), with two exceptions. The unrealized PnL of a day is the one last
 * computed within it (positions keep only their latest mark, so a recompute after the day keeps the stored figure rather
 * than lose it). And every position, account and subscription is counted for its <em>current</em> owner: after
 * {@code /link} merges two users, their past days are computed (and recomputed) for the kept user, and the merged-away
 * user's rows disappear from the days that are recomputed.
 */
package io.signaldesk.reports.metrics;
