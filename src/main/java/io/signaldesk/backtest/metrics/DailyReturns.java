package io.signaldesk.backtest.metrics;

import io.signaldesk.backtest.EquityPoint;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The equity curve resampled to UTC days, and the Sharpe and Sortino ratios annualised from it.
 *
 * <p><b>Resampling.</b> Equity is read (as of the last point at or before the instant) at every UTC midnight after
 * the curve's first point and before its last, and at the last point itself (a midnight, or the end of a partial last
 * day). Each day's return is its reading over the one before minus 1, the first day's over the first point's equity.
 * So a curve from 2024-01-01 00:00 to 2024-01-11 00:00 has 10 daily returns, and a trade booked at exactly midnight
 * counts in the day that ends there. A day with no trade closing has a return of exactly 0: the days a strategy sits
 * out count, as they do for whoever follows it.
 *
 * <p><b>Annualising.</b> Crypto trades every day, so a year is 365 daily returns: with {@code mean} the mean daily
 * return and the risk-free rate taken as 0,
 * <ul>
 *   <li>Sharpe = mean / sd × √365, sd the sample standard deviation (n − 1) of the daily returns;</li>
 *   <li>Sortino = mean / dd × √365, dd the downside deviation √(Σ min(r, 0)² / n) over all n days (target 0).</li>
 * </ul>
 * Edge cases: with fewer than 2 daily returns both are NaN (no spread can be measured). With no spread (sd = 0; for
 * Sortino: no losing day) the ratio is 0 when the mean is 0, i.e. <b>a flat curve has Sharpe and Sortino 0</b> (it
 * earned nothing for no risk: it reads as "no edge" and fails any bar above 0), and ±∞ with the mean's sign otherwise
 * (gains every day without a single losing one).
 */
public final class DailyReturns {

    static final double DAYS_PER_YEAR = 365;

    private static final double ANNUALISE = Math.sqrt(DAYS_PER_YEAR);

    private final double[] returns;

    private DailyReturns(double[] returns) {
        this.returns = returns;
    }

    public static DailyReturns of(List<EquityPoint> equity) {
        if (equity.size() < 2) {
            return new DailyReturns(new double[0]);
        }
        Instant start = equity.getFirst().at();
        Instant end = equity.getLast().at();
        List<Instant> readings = new ArrayList<>();
        for (Instant midnight = start.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1)); midnight.isBefore(end);
             midnight = midnight.plus(Duration.ofDays(1))) {
            readings.add(midnight);
        }
        if (end.isAfter(start)) {
            readings.add(end);
        }
        double[] returns = new double[readings.size()];
        int next = 0;
        double previous = equity.getFirst().equity();
        double current = previous;
        for (int day = 0; day < returns.length; day++) {
            Instant at = readings.get(day);
            while (next < equity.size() && !equity.get(next).at().isAfter(at)) {
                current = equity.get(next++).equity();
            }
            returns[day] = current / previous - 1;
            previous = current;
        }
        return new DailyReturns(returns);
    }

    /** The daily returns, oldest first (a copy). */
    public double[] values() {
        return returns.clone();
    }

    public double sharpe() {
        if (returns.length < 2) {
            return Double.NaN;
        }
        double mean = mean();
        double squares = 0;
        for (double r : returns) {
            squares += (r - mean) * (r - mean);
        }
        return annualised(mean, Math.sqrt(squares / (returns.length - 1)));
    }

    public double sortino() {
        if (returns.length < 2) {
            return Double.NaN;
        }
        double squares = 0;
        for (double r : returns) {
            double below = Math.min(r, 0);
            squares += below * below;
        }
        return annualised(mean(), Math.sqrt(squares / returns.length));
    }

    private double mean() {
        double sum = 0;
        for (double r : returns) {
            sum += r;
        }
        return sum / returns.length;
    }

    private static double annualised(double mean, double spread) {
        if (spread == 0) {
            return mean == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, mean);
        }
        return mean / spread * ANNUALISE;
    }
}
