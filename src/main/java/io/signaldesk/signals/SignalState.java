package io.signaldesk.signals;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Where a signal stands now, as its outcome tracker last recorded it.
 *
 * @param status    OPEN, or how it closed: TAKE_PROFIT, STOP_LOSS, EXPIRED (and whatever later outcomes the ledger adds,
 *                  e.g. NOT_FILLED): a reader must treat an unknown status as closed
 * @param closedAt  when it closed; null while open
 * @param exitPrice the price it closed at; null while open (and for a signal that closed without a fill)
 */
public record SignalState(String status, Instant closedAt, BigDecimal exitPrice) {

    public static final String OPEN = "OPEN";

    public boolean open() {
        return OPEN.equals(status);
    }
}
