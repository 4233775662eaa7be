package io.signaldesk.analysis;

import io.signaldesk.market.Candle;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

/**
 * An analyst that can read whole stored series once and then answer at any close of the base timeframe, each
 * indicator computed once per series and read at an index: what makes a backtest fast. The live
 * {@link #analyze} runs the same code over the snapshot's candles, so live and replay cannot drift apart.
 * Answers may differ from {@link #analyze} on a 200-candle snapshot only where an indicator's warm-up differs
 * (an EMA seeded earlier); the replay's agreement test says how often.
 */
public interface SeriesAnalyst extends Analyst {

    /**
     * @param candles every stored closed candle of each timeframe (smallest first), oldest first
     */
    Replay replay(ExchangeId exchange, Symbol symbol, SortedMap<Timeframe, List<Candle>> candles, BigDecimal minRiskReward);

    /** The analyst over whole series. */
    interface Replay {

        /**
         * The proposal the analyst makes at {@code close}, seeing only candles closed at or before it (the same
         * window of the last candles per timeframe as a live snapshot).
         */
        Proposal at(Instant close);
    }
}
