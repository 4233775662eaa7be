package io.signaldesk.backtest;

import io.signaldesk.analysis.Action;
import java.time.Instant;

/**
 * One replayed signal and how it ended, judged by the live outcome judge, with the cost model on top.
 *
 * @param decidedAt    the close of the base candle the decision was made on (the live issue time)
 * @param entry        the proposal's entry (the judge's levels count from it)
 * @param stopLoss     the proposal's stop
 * @param takeProfit   the proposal's first take-profit (the one the judge closes on)
 * @param filledAt     when the entry filled; null for NOT_FILLED
 * @param fillPrice    the price paid after slippage; NaN for NOT_FILLED
 * @param status       TAKE_PROFIT, STOP_LOSS, EXPIRED or NOT_FILLED (the judge's statuses)
 * @param closedAt     when it ended (for NOT_FILLED: the horizon's end)
 * @param exitPrice    the exit after slippage; NaN for NOT_FILLED
 * @param grossR       the judge's R (before costs); NaN for NOT_FILLED
 * @param netR         R after fill price, slippage and fees, over the planned risk |entry − stop|; NaN for NOT_FILLED
 */
public record Trade(Action side, Instant decidedAt, double entry, double stopLoss, double takeProfit, Instant filledAt,
                    double fillPrice, String status, Instant closedAt, double exitPrice, double grossR, double netR) {

    public boolean filled() {
        return filledAt != null;
    }
}
