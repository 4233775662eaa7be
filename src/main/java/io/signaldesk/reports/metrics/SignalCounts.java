package io.signaldesk.reports.metrics;

/**
 * Signal counts and R sums over some days, as stored (sums of days add up to the sums of a week). Definitions, the same
 * as the track record's ({@code signals.TrackRecord}) and the backtest metrics' ({@code backtest.metrics.TradeStatistics}):
 * <ul>
 *   <li>{@code issued}: signals issued in the span (by {@code issued_at}); {@code closed}: signals whose outcome closed in
 *       the span (by {@code closed_at}), whenever issued — a signal issued Monday and stopped Tuesday is Tuesday's loss;</li>
 *   <li>{@code wins}: closed at a take-profit; {@code losses}: at the stop; {@code expired}: filled, neither level within
 *       the horizon, closed at the last close (counted in R, neither a win nor a loss); {@code notFilled}: a limit entry
 *       never touched within the horizon — never a trade, in no ratio and no R;</li>
 *   <li>{@code trades}: closed filled signals (wins + losses + expired); {@code sumR}: the sum of their R (the outcome
 *       judge's R, in units of entry-to-stop risk, −1 at the stop); {@code profitable}: those with R &gt; 0.</li>
 * </ul>
 */
public record SignalCounts(int issued, int closed, int wins, int losses, int expired, int notFilled, int trades, int profitable,
                           double sumR) {

    public static final SignalCounts NONE = new SignalCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public SignalCounts plus(SignalCounts other) {
        return new SignalCounts(issued + other.issued, closed + other.closed, wins + other.wins, losses + other.losses,
                expired + other.expired, notFilled + other.notFilled, trades + other.trades, profitable + other.profitable,
                sumR + other.sumR);
    }

    /** Wins over wins plus losses (the track record's win rate: an expiry is neither); null before the first of either. */
    public Double winRate() {
        return wins + losses == 0 ? null : (double) wins / (wins + losses);
    }

    /** The mean R per trade (closed filled signal, expiries at their last close); null with no trade. */
    public Double averageR() {
        return trades == 0 ? null : sumR / trades;
    }

    /**
     * Expectancy in R per trade: win rate × average win − loss rate × average loss over every trade, which is algebraically
     * the mean R ({@code TradeStatistics} keeps both names for the same figure); null with no trade.
     */
    public Double expectancy() {
        return averageR();
    }

    /** The share of trades with R &gt; 0 (the backtest's win rate, where an expiry in profit is a win); null with no trade. */
    public Double profitableShare() {
        return trades == 0 ? null : (double) profitable / trades;
    }
}
