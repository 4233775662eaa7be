package io.signaldesk.backtest.baseline;

import io.signaldesk.backtest.Baseline;
import io.signaldesk.backtest.Baseline.Edge;
import io.signaldesk.backtest.Trade;
import io.signaldesk.backtest.metrics.Median;
import io.signaldesk.backtest.metrics.TradeStatistics;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The null baseline (see {@link Baseline}): seeded, reproducible.
 *
 * <ul>
 *   <li>N = the bot's filled trades (NOT_FILLED ones risked nothing and are left out, as in the metrics); the bot's
 *       figure is their average net R.</li>
 *   <li>Every random entry uses the bot's <b>median stop distance</b> as a fraction of entry (|entry − stop| / entry)
 *       and its <b>median reward-to-risk</b> (|first target − entry| / |entry − stop|), over those N trades.</li>
 *   <li>Run k of {@code seeds} (k = 0, 1, …) draws from a {@link SplittableRandom} seeded with {@code seed + k}: N
 *       distinct decision times among {@link EntrySimulator#decisionTimes()} (without replacement) and for each a
 *       fair coin for BUY or SELL; the entries go through the simulator oldest first and may overlap in time (the
 *       question is the average R of an entry, not a portfolio). The run's figure is the average net R of its filled
 *       entries; a run with none filled has no figure and is left out of the comparison.</li>
 *   <li>Percentile: 100 × (runs the bot's average beats + ½ × runs it ties) / runs compared; the median of the runs'
 *       averages is reported with it.</li>
 *   <li>Edge: fewer than {@value #MIN_TRADES} filled bot trades → TOO_FEW_TRADES (no run is made: seeds 0, percentile
 *       and random median NaN); else percentile ≥ 95 → EDGE, ≤ 5 → WORSE_THAN_RANDOM, otherwise (or with no run to
 *       compare with) NO_EVIDENCE.</li>
 * </ul>
 * The same trades, simulator and seed give the same baseline.
 */
public final class NullBaseline {

    static final int MIN_TRADES = 10;

    private NullBaseline() {
    }

    /**
     * @param seeds the random runs to make, at least 1 (100 by default)
     * @param seed  the first run's seed
     * @throws IllegalArgumentException with no run asked, or fewer decision times than the bot made trades
     */
    public static Baseline of(List<Trade> botTrades, EntrySimulator simulator, int seeds, long seed) {
        if (seeds < 1) {
            throw new IllegalArgumentException("the null baseline needs at least one random run (100 is the default)");
        }
        TradeStatistics bot = TradeStatistics.of(botTrades);
        int entries = bot.trades();
        if (entries < MIN_TRADES) {
            return new Baseline(0, entries, bot.averageR(), Double.NaN, Double.NaN, Edge.TOO_FEW_TRADES);
        }
        List<Trade> filled = botTrades.stream().filter(Trade::filled).toList();
        double stopFraction = Median.of(filled.stream().mapToDouble(t -> Math.abs(t.entry() - t.stopLoss()) / t.entry()).toArray());
        double rewardRisk = Median.of(filled.stream()
                .mapToDouble(t -> Math.abs(t.takeProfit() - t.entry()) / Math.abs(t.entry() - t.stopLoss())).toArray());
        List<Instant> times = simulator.decisionTimes();
        if (times.size() < entries) {
            throw new IllegalArgumentException("the null baseline draws as many decision times as the bot made trades ("
                    + entries + ") without replacement, but only " + times.size() + " were replayed");
        }
        RandomRun run = new RandomRun(simulator, times, entries, stopFraction, rewardRisk);
        double[] averages = new double[seeds];
        for (int k = 0; k < seeds; k++) {
            averages[k] = run.averageNetR(new SplittableRandom(seed + k));
        }
        double[] compared = Arrays.stream(averages).filter(Double::isFinite).toArray();
        double percentile = percentile(bot.averageR(), compared);
        return new Baseline(seeds, entries, bot.averageR(), Median.of(compared), percentile, edge(entries, percentile));
    }

    /** 100 × (runs beaten + ½ × runs tied) / runs; NaN with no run. */
    static double percentile(double bot, double[] runs) {
        if (runs.length == 0) {
            return Double.NaN;
        }
        double beaten = 0;
        for (double run : runs) {
            beaten += bot > run ? 1 : bot == run ? 0.5 : 0;
        }
        return 100 * beaten / runs.length;
    }

    static Edge edge(int trades, double percentile) {
        if (trades < MIN_TRADES) {
            return Edge.TOO_FEW_TRADES;
        }
        if (percentile >= 95) {
            return Edge.EDGE;
        }
        return percentile <= 5 ? Edge.WORSE_THAN_RANDOM : Edge.NO_EVIDENCE;
    }
}
