package io.signaldesk.backtest;

/**
 * How a backtest's entries fill and what they cost.
 *
 * @param fill        where a market entry fills: the next candle's open, or the decision candle's close
 * @param feePerSide  fee per side as a fraction of notional (0.0005 = 0.05 %, a taker fee)
 * @param slippage    adverse slippage as a fraction of price on every market fill (entry, stop, expiry)
 */
public record CostModel(Fill fill, double feePerSide, double slippage) {

    public enum Fill { NEXT_OPEN, CLOSE }

    public static final CostModel DEFAULT = new CostModel(Fill.NEXT_OPEN, 0.0005, 0.0002);

    public CostModel {
        if (fill == null || feePerSide < 0 || feePerSide > 0.01 || slippage < 0 || slippage > 0.01) {
            throw new IllegalArgumentException("fees and slippage are fractions between 0 and 0.01 (1 %)");
        }
    }
}
