package io.signaldesk.backtest.baseline;

import io.signaldesk.analysis.Action;
import io.signaldesk.backtest.Trade;
import java.time.Instant;
import java.util.List;

/**
 * Judges one entry exactly as the replay judges the bot's (same judge, fill and cost model): what the
 * null baseline's random entries go through.
 */
public interface EntrySimulator {

    /** The decision times an entry may be made at (the replayed base closes), oldest first. */
    List<Instant> decisionTimes();

    /**
     * An entry at the close of the base candle closing at {@code decidedAt}: entry at that close, stop
     * {@code stopFraction} of it away, first target {@code rewardRisk} times the stop distance away.
     */
    Trade enter(Instant decidedAt, Action side, double stopFraction, double rewardRisk);
}
