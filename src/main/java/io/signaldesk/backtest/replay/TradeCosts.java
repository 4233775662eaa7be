package io.signaldesk.backtest.replay;

import io.signaldesk.analysis.Action;
import io.signaldesk.backtest.CostModel;
import io.signaldesk.backtest.LiveJudge;
import io.signaldesk.backtest.Trade;
import io.signaldesk.market.Candle;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The cost model on top of the judge's outcome ({@link CostModel}):
 * <ul>
 *   <li><b>Entry.</b> A market entry (the judge filled it at the issue) fills at the next candle's open
 *       ({@code NEXT_OPEN}) or the decision candle's close ({@code CLOSE}), moved against the trade by the slippage. A limit
 *       entry (away from the market: it waited for a touch) fills at its price, no slippage.</li>
 *   <li><b>Exit.</b> A stop-loss and an expiry are market fills: the stop, or the last close within the horizon, moved
 *       against the trade by the slippage. A take-profit is a limit fill at the target, no slippage.</li>
 *   <li><b>Gaps.</b> A stop is a stop-market order: it fills at the first price there is. So when the candle the judge
 *       stops the trade in <i>opens</i> beyond the stop (a buy's open below it, a sell's above) while the position is
 *       already held at that open, the exit is that open (slipped), not the stop: a gap through the stop loses more
 *       than −1 R, never less. The position is held at the open for a market entry (filled at or before the first
 *       judged candle's open, so a {@code NEXT_OPEN} fill at an open already through the stop is stopped at once, at
 *       that open: it loses slippage and fees) and for a limit entry filled in an earlier candle; in a limit entry's
 *       own fill candle (booked at its limit price) the stop stays where it is. The judge's status and its gross R are
 *       unchanged: only the price the cost layer books moves.
 *       <br>A target gapped through by an open stays at the target (a limit fills at its price or better: the
 *       conservative end), except in the candle a {@code NEXT_OPEN} market entry fills at: an open already beyond the
 *       target fills the target order at once at that open (booked at the open, no slippage), so a take-profit is never
 *       booked on the far side of its own fill.</li>
 *   <li><b>Fees.</b> {@code feePerSide} of the entry notional and of the exit notional.</li>
 *   <li><b>Net R</b> = (side × (exit − fill) − fee × (fill + exit)) / |entry − stop|: over the planned risk, so the costs
 *       show as the R they take (a stop-loss nets a little worse than −1).</li>
 * </ul>
 * The judge's own R (from the proposal's entry, no cost) is kept as the gross R.
 */
final class TradeCosts {

    private TradeCosts() {
    }

    /**
     * @param marketPrice where a market entry fills before slippage (next open or decision close, as the model says)
     * @param marketAt    when it fills
     * @param exitCandle  the candle the judge stopped the trade or took its profit in; null for an expiry or when unknown
     */
    static Trade trade(Action side, Instant decidedAt, BigDecimal entry, BigDecimal stopLoss, BigDecimal takeProfit,
                       LiveJudge.Judged judged, double marketPrice, Instant marketAt, Candle exitCandle, CostModel costs) {
        double e = entry.doubleValue();
        double stop = stopLoss.doubleValue();
        double target = takeProfit.doubleValue();
        if (judged.status().equals("NOT_FILLED")) {
            return new Trade(side, decidedAt, e, stop, target, null, Double.NaN, "NOT_FILLED", judged.closedAt(), Double.NaN,
                    Double.NaN, Double.NaN);
        }
        int s = side == Action.BUY ? 1 : -1;
        double fill = judged.atMarket() ? marketPrice * (1 + s * costs.slippage()) : e;
        Instant filledAt = judged.atMarket() ? marketAt : judged.filledAt();
        double exit = switch (judged.status()) {
            case "TAKE_PROFIT" -> filledBeyondTheTarget(exitCandle, judged, marketAt, costs, s, target) ? exitCandle.open().doubleValue() : target;
            // a fill already beyond the target takes it at that open, before any dip the judge counts as the stop
            case "STOP_LOSS" -> filledBeyondTheTarget(exitCandle, judged, marketAt, costs, s, target) ? exitCandle.open().doubleValue()
                    : (heldAtTheOpen(exitCandle, judged) && s * (stop - exitCandle.open().doubleValue()) > 0
                    ? exitCandle.open().doubleValue() : stop) * (1 - s * costs.slippage());
            case "EXPIRED" -> judged.exitPrice().doubleValue() * (1 - s * costs.slippage());
            default -> throw new IllegalArgumentException("not an outcome the judge gives: " + judged.status());
        };
        double netR = (s * (exit - fill) - costs.feePerSide() * (fill + exit)) / Math.abs(e - stop);
        return new Trade(side, decidedAt, e, stop, target, filledAt, fill, judged.status(), judged.closedAt(), exit,
                judged.rMultiple().doubleValue(), netR);
    }

    /** Whether the position was held when {@code exitCandle} opened: a market entry, or a limit filled in an earlier candle. */
    private static boolean heldAtTheOpen(Candle exitCandle, LiveJudge.Judged judged) {
        return exitCandle != null && (judged.atMarket() || !exitCandle.openTime().isBefore(judged.filledAt()));
    }

    /** Whether {@code exitCandle} is the one a {@code NEXT_OPEN} market entry filled at the open of, that open beyond the target. */
    private static boolean filledBeyondTheTarget(Candle exitCandle, LiveJudge.Judged judged, Instant marketAt, CostModel costs, int s,
                                                 double target) {
        return exitCandle != null && judged.atMarket() && costs.fill() == CostModel.Fill.NEXT_OPEN
                && exitCandle.openTime().equals(marketAt) && s * (exitCandle.open().doubleValue() - target) > 0;
    }
}
