package io.signaldesk.reports.metrics;

import io.signaldesk.backtest.EquityPoint;
import io.signaldesk.backtest.Trade;
import io.signaldesk.backtest.metrics.BacktestMetrics;
import io.signaldesk.backtest.metrics.Drawdown;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The fixed-risk model over one day's trades, reduced to what composes exactly into any span: equity at the day's end,
 * its highest and lowest point within the day (each relative to 1.0 at the day's start) and its largest fall from a
 * peak within the day. The curve is the backtest module's ({@link BacktestMetrics#equity}: each filled trade multiplies
 * equity by 1 + risk × R at its close) and the fall its {@link Drawdown#max}.
 *
 * @param growth      equity at the end over equity at the start
 * @param peak        the highest equity within the day (at least 1: the start counts)
 * @param trough      the lowest equity within the day (at most 1)
 * @param maxDrawdown the largest fall from a running peak within the day, 0..1
 */
record EquityPieces(double growth, double peak, double trough, double maxDrawdown) {

    static final EquityPieces FLAT = new EquityPieces(1, 1, 1, 0);

    /**
     * The day's curve, point by point as {@link BacktestMetrics#equity} books it (one point at the day's start, then one
     * per filled trade at its close, in closing order, equity × (1 + risk × R)); its fall is {@link Drawdown#max}.
     */
    static EquityPieces of(List<Trade> trades, Instant dayStart, double riskPerTrade) {
        List<Trade> filled = trades.stream().filter(Trade::filled)
                .sorted(Comparator.comparing(Trade::closedAt).thenComparing(Trade::decidedAt)).toList();
        if (filled.isEmpty()) {
            return FLAT;
        }
        List<EquityPoint> curve = new ArrayList<>(filled.size() + 1);
        curve.add(new EquityPoint(dayStart, 1, 1));
        double equity = 1;
        for (Trade trade : filled) {
            equity *= 1 + riskPerTrade * trade.netR();
            curve.add(new EquityPoint(trade.closedAt(), equity, 1));
        }
        double peak = curve.stream().mapToDouble(EquityPoint::equity).max().orElseThrow();
        double trough = curve.stream().mapToDouble(EquityPoint::equity).min().orElseThrow();
        return new EquityPieces(equity, peak, trough, Drawdown.max(curve).depth());
    }

    /**
     * A span's running state: equity so far, its running peak and the deepest fall so far. Folding days in order gives the
     * span's exact maximum drawdown: a fall ending within a day starts either at a peak within that day (its own {@code
     * maxDrawdown}) or at the running peak before it (down to the day's trough).
     */
    record Running(double equity, double peak, double maxDrawdown) {

        static final Running START = new Running(1, 1, 0);

        Running then(EquityPieces day) {
            double fromEarlierPeak = 1 - equity * day.trough() / peak;
            double deepest = Math.max(maxDrawdown, Math.max(day.maxDrawdown(), fromEarlierPeak));
            double newPeak = Math.max(peak, equity * day.peak());
            return new Running(equity * day.growth(), newPeak, deepest);
        }

        /** How far below its running peak equity is now, 0..1. */
        double drawdownNow() {
            return 1 - equity / peak;
        }
    }
}
