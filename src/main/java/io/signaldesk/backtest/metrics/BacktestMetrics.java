package io.signaldesk.backtest.metrics;

import io.signaldesk.backtest.EquityPoint;
import io.signaldesk.backtest.Metrics;
import io.signaldesk.backtest.Trade;
import io.signaldesk.market.Candle;
import io.signaldesk.market.Timeframe;
import java.util.List;

/** The one metrics implementation and the equity model (fixed fraction of equity risked per trade). */
public final class BacktestMetrics {

    private BacktestMetrics() {
    }

    /** Equity (1.0 at the start) and buy-and-hold at every base close of {@code candles}, trades booked at their close. */
    public static List<EquityPoint> equity(List<Trade> trades, Timeframe base, List<Candle> candles, double riskPerTrade) {
        throw new UnsupportedOperationException("built by the metrics work of issue 14");
    }

    public static Metrics of(List<Trade> trades, List<EquityPoint> equity) {
        throw new UnsupportedOperationException("built by the metrics work of issue 14");
    }
}
