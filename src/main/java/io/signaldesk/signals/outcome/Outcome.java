package io.signaldesk.signals.outcome;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * How a signal ended.
 *
 * @param status   TAKE_PROFIT, STOP_LOSS or EXPIRED
 * @param rMultiple the result in units of the signal's risk (entry to stop): -1 at the stop
 */
record Outcome(String status, Instant closedAt, BigDecimal exitPrice, BigDecimal rMultiple) {
}
