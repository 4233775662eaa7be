package io.signaldesk.signals.outcome;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * How a signal ended.
 *
 * @param status    TAKE_PROFIT, STOP_LOSS, EXPIRED (filled, neither level within the horizon) or
 *                  NOT_FILLED (a limit entry price never touched after issue within the horizon; an entry at the
 *                  market is filled at issue, see {@link OutcomeJudge})
 * @param exitPrice null for NOT_FILLED
 * @param rMultiple the result in units of the signal's risk (entry to stop): -1 at the stop; null for NOT_FILLED
 */
record Outcome(String status, Instant closedAt, BigDecimal exitPrice, BigDecimal rMultiple) {
}
