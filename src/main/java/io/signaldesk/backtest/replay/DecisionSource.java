package io.signaldesk.backtest.replay;

import io.signaldesk.analysis.Analyst;
import io.signaldesk.analysis.MarketSnapshot;
import io.signaldesk.analysis.Proposal;
import io.signaldesk.analysis.SeriesAnalyst;
import io.signaldesk.market.Candle;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.SnapshotRule;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the bot proposes at a base close: the analyst unchanged, on what it would have seen live at that close and nothing
 * after it ({@link SnapshotRule}). Three ways, one answer each:
 * <ul>
 *   <li>{@link #snapshots}: a snapshot per close, the analyst's live {@code analyze};</li>
 *   <li>{@link #series}: an analyst that reads whole series once ({@link SeriesAnalyst}, the fast path), asked at each close;</li>
 *   <li>{@link #stored}: a model-calling analyst's answers stored live, by base candle; a close without one is a HOLD, and
 *       no model is ever called.</li>
 * </ul>
 * An analyst that throws gives a HOLD saying so, as live.
 */
public interface DecisionSource {

    /** The raw proposal at {@code close} (before the proposal checks). */
    Proposal at(Instant close);

    static DecisionSource snapshots(Analyst analyst, ExchangeId exchange, Symbol symbol, ReplayHistory history, BigDecimal minRiskReward) {
        return close -> {
            var candles = new TreeMap<Timeframe, List<Candle>>();
            history.series().forEach((timeframe, series) -> candles.put(timeframe, SnapshotRule.window(series, timeframe, close)));
            return guarded(analyst, () -> analyst.analyze(new MarketSnapshot(exchange, symbol, candles, minRiskReward)));
        };
    }

    static DecisionSource series(SeriesAnalyst analyst, ExchangeId exchange, Symbol symbol, ReplayHistory history,
                                 BigDecimal minRiskReward) {
        SeriesAnalyst.Replay replay = analyst.replay(exchange, symbol, history.series(), minRiskReward);
        return close -> guarded(analyst, () -> replay.at(close));
    }

    /** @param answers stored proposals by the open time of their base candle */
    static DecisionSource stored(Map<Instant, Proposal> answers, Timeframe base, String analyst, String version) {
        return close -> {
            Proposal stored = answers.get(close.minus(base.duration()));
            return stored != null ? stored
                    : Proposal.hold("No stored answer of the " + analyst + " analyst for this candle: counted as HOLD.", analyst, version);
        };
    }

    private static Proposal guarded(Analyst analyst, java.util.function.Supplier<Proposal> answer) {
        try {
            return answer.get();
        } catch (RuntimeException e) {
            return Proposal.hold("Analyst %s failed: %s.".formatted(analyst.name(), e), analyst.name(), analyst.version());
        }
    }
}
