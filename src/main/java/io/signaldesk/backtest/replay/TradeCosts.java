package io.signaldesk.backtest.replay;

import io.signaldesk.analysis.Action;
import io.signaldesk.backtest.CostModel;
import io.signaldesk.backtest.LiveJudge;
import io.signaldesk.backtest.Trade;
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
     */
    static Trade trade(Action side, Instant decidedAt, BigDecimal entry, BigDecimal stopLoss, BigDecimal takeProfit,
                       LiveJudge.Judged judged, double marketPrice, Instant marketAt, CostModel costs) {
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
            case "TAKE_PROFIT" -> target;
            case "STOP_LOSS" -> stop * (1 - s * costs.slippage());
            case "EXPIRED" -> judged.exitPrice().doubleValue() * (1 - s * costs.slippage());
            default -> throw new IllegalArgumentException("not an outcome the judge gives: " + judged.status());
        };
        double netR = (s * (exit - fill) - costs.feePerSide() * (fill + exit)) / Math.abs(e - stop);
        return new Trade(side, decidedAt, e, stop, target, filledAt, fill, judged.status(), judged.closedAt(), exit,
                judged.rMultiple().doubleValue(), netR);
    }
}
