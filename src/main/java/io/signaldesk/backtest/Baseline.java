package io.signaldesk.backtest;

/**
 * The bot against chance: {@code seeds} runs of as many random entries as the bot made (random decision
 * times among the replayed closes, random direction), each with the bot's median stop distance and
 * reward-to-risk, judged and costed exactly like the bot's.
 *
 * @param percentile the share of random runs whose average net R the bot's beat, 0..100
 */
public record Baseline(int seeds, int entriesPerRun, double botAverageR, double randomMedianAverageR, double percentile,
                       Edge edge) {

    public enum Edge {
        /** Better than at least 95 % of random runs. */
        EDGE,
        /** Neither better than 95 % nor worse than 95 % of them. */
        NO_EVIDENCE,
        /** Worse than at least 95 % of random runs. */
        WORSE_THAN_RANDOM,
        /** Too few trades to say anything. */
        TOO_FEW_TRADES
    }
}
