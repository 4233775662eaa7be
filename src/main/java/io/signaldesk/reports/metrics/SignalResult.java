package io.signaldesk.reports.metrics;

import java.time.Instant;

/**
 * One closed filled signal, as a best or worst of a span.
 *
 * @param pair     e.g. {@code BTC/USDT}
 * @param status   TAKE_PROFIT, STOP_LOSS or EXPIRED
 * @param r        its R (the outcome judge's)
 * @param closedAt when it closed
 */
public record SignalResult(long signalId, long botTemplateId, String exchange, String pair, String status, double r,
                           Instant closedAt) {
}
