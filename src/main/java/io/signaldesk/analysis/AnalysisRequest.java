package io.signaldesk.analysis;

import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Analyse this pair on these timeframes (sorted, smallest first, is not required) with this analyst.
 *
 * @param baseCandle the open time of the base (smallest) timeframe's candle to analyse, a scheduled run's
 *                   just-closed candle: until it is stored the answer is {@link AnalysisResult.CandleMissing};
 *                   null for the newest fresh one (on demand). Larger timeframes use their latest closed candle.
 * @param lastAsk    whether no later ask will come for this candle: an analyst's "not now" ({@link AnalystNotNow})
 *                   is then stored as its fallback instead of being {@link AnalysisResult.Deferred}
 */
public record AnalysisRequest(ExchangeId exchange, Symbol symbol, List<Timeframe> timeframes, String analyst,
                              BigDecimal minRiskReward, Instant baseCandle, boolean lastAsk) {

    public AnalysisRequest {
        timeframes = timeframes.stream().sorted().distinct().toList();
        if (timeframes.isEmpty()) {
            throw new IllegalArgumentException("an analysis needs at least one timeframe");
        }
    }

    /** On demand: the newest fresh candles; an analyst's "not now" is shown as its fallback, not stored. */
    public AnalysisRequest(ExchangeId exchange, Symbol symbol, List<Timeframe> timeframes, String analyst, BigDecimal minRiskReward) {
        this(exchange, symbol, timeframes, analyst, minRiskReward, null, false);
    }

    public Timeframe baseTimeframe() {
        return timeframes.getFirst();
    }
}
