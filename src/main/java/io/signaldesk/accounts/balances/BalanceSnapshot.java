package io.signaldesk.accounts.balances;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One row of the balance history ({@code balance_snapshot}).
 *
 * @param stale       the exchange could not be read at that sync: {@code error} says why, there is no equity
 * @param equityUsdt  what the priced holdings were worth, null when stale
 * @param holdings    largest value first, unpriced last; empty when stale
 */
record BalanceSnapshot(long accountId, Instant syncedAt, boolean stale, String error, BigDecimal equityUsdt, List<Holding> holdings) {
}
