package io.signaldesk.backtest.metrics;

import io.signaldesk.backtest.EquityPoint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The largest fall of equity from a running peak, as a fraction of that peak, with when the peak was first reached
 * and when the lowest point of that fall was first touched. The curve's first point counts as a peak (equity starts
 * at 1.0), so losing from the start is a drawdown. Equity moves only when a trade closes, so the dates are those of
 * the closes that made the peak and the trough. With no fall at all: depth 0 and no dates. Of two equally deep falls,
 * the earlier one is reported.
 *
 * @param depth    0..1 (more than 1 only if equity went below zero, which a sane risk per trade never does)
 * @param peakAt   when the peak the fall started from was first reached; null with no fall
 * @param troughAt when the fall's lowest point was first reached; null with no fall
 */
public record Drawdown(double depth, Instant peakAt, Instant troughAt) {

    public static final Drawdown NONE = new Drawdown(0, null, null);

    public static Drawdown max(List<EquityPoint> equity) {
        Drawdown deepest = NONE;
        EquityPoint peak = null;
        for (EquityPoint point : equity) {
            if (peak == null || point.equity() > peak.equity()) {
                peak = point;
                continue;
            }
            double depth = (peak.equity() - point.equity()) / peak.equity();
            if (depth > deepest.depth()) {
                deepest = new Drawdown(depth, peak.at(), point.at());
            }
        }
        return deepest;
    }

    /** How far below its running peak equity is at each point (0 at a peak), one value per point: the chart's lower pane. */
    public static List<Double> curve(List<EquityPoint> equity) {
        List<Double> below = new ArrayList<>(equity.size());
        double peak = Double.NEGATIVE_INFINITY;
        for (EquityPoint point : equity) {
            peak = Math.max(peak, point.equity());
            below.add((peak - point.equity()) / peak);
        }
        return below;
    }

    /** The UTC date of the peak; null with no fall. */
    public LocalDate peakDate() {
        return peakAt == null ? null : LocalDate.ofInstant(peakAt, ZoneOffset.UTC);
    }

    /** The UTC date of the trough; null with no fall. */
    public LocalDate troughDate() {
        return troughAt == null ? null : LocalDate.ofInstant(troughAt, ZoneOffset.UTC);
    }
}
