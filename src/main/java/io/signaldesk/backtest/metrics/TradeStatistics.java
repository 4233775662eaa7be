package io.signaldesk.backtest.metrics;

import io.signaldesk.backtest.Trade;
import java.util.Comparator;
import java.util.List;

/**
 * What the trades say on their own, in net R (after fill price, slippage and fees), counting only filled trades:
 * a NOT_FILLED signal risked nothing and is left out of every figure.
 *
 * <ul>
 *   <li>{@code winRate}: the share of trades with net R &gt; 0 (not the share of TAKE_PROFIT outcomes: an expiry in
 *       profit is a win, a take-profit eaten by fees is not).</li>
 *   <li>{@code averageR} and {@code expectancy}: the same figure, the mean net R per trade. The classical expectancy
 *       win rate × average win − loss rate × average loss is algebraically that mean; the field keeps the name reports
 *       quote it under.</li>
 *   <li>{@code medianR}: the middle net R (the mean of the two middle ones for an even count).</li>
 *   <li>{@code profitFactor}: the sum of positive net R over the size of the sum of negative net R; +∞ with wins and
 *       no loss, 0 with losses and no win, NaN with neither (no trade, or only trades at exactly 0 R).</li>
 *   <li>{@code longestLosingStreak}: the most trades in a row with net R &lt; 0, in the order they closed (a trade at
 *       exactly 0 R ends a streak).</li>
 * </ul>
 * With no filled trade the ratios are NaN (undefined, not zero) and the counts 0.
 */
public record TradeStatistics(int trades, double winRate, double averageR, double medianR, double expectancy,
                              double profitFactor, int longestLosingStreak) {

    private static final Comparator<Trade> BY_CLOSE = Comparator.comparing(Trade::closedAt).thenComparing(Trade::decidedAt);

    /** @throws IllegalArgumentException when a filled trade has no finite net R (a replay fault, not a result) */
    public static TradeStatistics of(List<Trade> trades) {
        List<Trade> filled = filledInClosingOrder(trades);
        double[] netR = filled.stream().mapToDouble(Trade::netR).toArray();
        int wins = 0;
        double won = 0;
        double lost = 0;
        int streak = 0;
        int longest = 0;
        for (double r : netR) {
            if (r > 0) {
                wins++;
                won += r;
            } else if (r < 0) {
                lost -= r;
            }
            streak = r < 0 ? streak + 1 : 0;
            longest = Math.max(longest, streak);
        }
        int n = netR.length;
        double average = n == 0 ? Double.NaN : (won - lost) / n;
        return new TradeStatistics(n, n == 0 ? Double.NaN : (double) wins / n, average, Median.of(netR), average,
                profitFactor(won, lost), longest);
    }

    /** The filled trades, oldest close first; the one filter every figure uses. */
    static List<Trade> filledInClosingOrder(List<Trade> trades) {
        List<Trade> filled = trades.stream().filter(Trade::filled).toList();
        for (Trade trade : filled) {
            if (!Double.isFinite(trade.netR()) || trade.closedAt() == null) {
                throw new IllegalArgumentException("a filled trade needs a finite net R and a close time: " + trade);
            }
        }
        return filled.stream().sorted(BY_CLOSE).toList();
    }

    private static double profitFactor(double won, double lost) {
        if (lost == 0) {
            return won == 0 ? Double.NaN : Double.POSITIVE_INFINITY;
        }
        return won / lost;
    }
}
