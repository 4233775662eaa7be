package io.signaldesk.backtest.baseline;

import io.signaldesk.analysis.Action;
import io.signaldesk.backtest.Trade;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** One run of the null baseline: as many random entries as the bot made, at distinct random decision times, random sides. */
final class RandomRun {

    private final EntrySimulator simulator;
    private final List<Instant> times;
    private final int entries;
    private final double stopFraction;
    private final double rewardRisk;

    RandomRun(EntrySimulator simulator, List<Instant> times, int entries, double stopFraction, double rewardRisk) {
        this.simulator = simulator;
        this.times = times;
        this.entries = entries;
        this.stopFraction = stopFraction;
        this.rewardRisk = rewardRisk;
    }

    /** The average net R of the run's filled entries; NaN when none filled. */
    double averageNetR(SplittableRandom random) {
        int[] order = new int[times.size()];
        Arrays.setAll(order, i -> i);
        long[] picks = new long[entries];
        for (int i = 0; i < entries; i++) {
            int j = i + random.nextInt(order.length - i);
            int chosen = order[j];
            order[j] = order[i];
            order[i] = chosen;
            // the time's index and the side in one long, so that sorting puts the entries oldest first
            picks[i] = (long) chosen << 1 | (random.nextBoolean() ? 1 : 0);
        }
        Arrays.sort(picks);
        double sum = 0;
        int filled = 0;
        for (long pick : picks) {
            Action side = (pick & 1) == 1 ? Action.BUY : Action.SELL;
            Trade trade = simulator.enter(times.get((int) (pick >>> 1)), side, stopFraction, rewardRisk);
            if (trade.filled()) {
                if (!Double.isFinite(trade.netR())) {
                    throw new IllegalStateException("the entry simulator returned a filled trade without a net R: " + trade);
                }
                sum += trade.netR();
                filled++;
            }
        }
        return filled == 0 ? Double.NaN : sum / filled;
    }
}
