package io.signaldesk.signals;

import io.signaldesk.analysis.Action;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A user pressed "I took it" under a signal that was still fresh, for the first time: what a position opened from it
 * needs.
 *
 * @param userId         who took it (in a group, any member; not necessarily the subscription's owner)
 * @param bot            the code of the subscription's bot template, null if it is unknown
 * @param exchange       the signal's exchange id ({@code binance}, {@code sim}, …)
 * @param symbol         its pair, {@code BTC/USDT}
 * @param takeProfits    its targets, nearest first
 */
public record SignalTaken(long signalId, long subscriptionId, long userId, String bot, String exchange, String symbol, Action action,
                          BigDecimal entry, BigDecimal stopLoss, List<BigDecimal> takeProfits, Instant takenAt) {

    public SignalTaken {
        takeProfits = List.copyOf(takeProfits);
    }
}
