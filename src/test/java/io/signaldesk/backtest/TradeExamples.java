package io.signaldesk.backtest;

import io.signaldesk.analysis.Action;
import io.signaldesk.market.Candle;
import java.math.BigDecimal;
import java.time.Instant;

/** Trades and candles written by hand for the metrics and baseline tests (only what those figures read is real). */
public final class TradeExamples {

    private TradeExamples() {
    }

    /** A filled BUY at 100 with its stop at 99 and target at 102, filled at {@code filledAt}, closed with {@code netR}. */
    public static Trade filled(String filledAt, String closedAt, double netR) {
        return filled(Action.BUY, 100, 99, 102, Instant.parse(filledAt), Instant.parse(closedAt), netR);
    }

    public static Trade filled(Action side, double entry, double stop, double target, Instant filledAt, Instant closedAt,
                               double netR) {
        String status = netR > 0 ? "TAKE_PROFIT" : netR < 0 ? "STOP_LOSS" : "EXPIRED";
        return new Trade(side, filledAt, entry, stop, target, filledAt, entry, status, closedAt, Double.NaN, netR, netR);
    }

    /** A signal whose limit entry was never touched: it risked nothing. */
    public static Trade notFilled(String decidedAt, String horizonEnd) {
        return new Trade(Action.BUY, Instant.parse(decidedAt), 100, 99, 102, null, Double.NaN, "NOT_FILLED",
                Instant.parse(horizonEnd), Double.NaN, Double.NaN, Double.NaN);
    }

    public static Candle candle(String openTime, double open, double close) {
        BigDecimal o = BigDecimal.valueOf(open);
        BigDecimal c = BigDecimal.valueOf(close);
        return new Candle(Instant.parse(openTime), o, o.max(c), o.min(c), c, BigDecimal.ONE);
    }
}
