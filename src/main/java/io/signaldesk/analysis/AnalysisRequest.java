package io.signaldesk.analysis;

import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.math.BigDecimal;
import java.util.List;

/** Analyse this pair on these timeframes (sorted, smallest first, is not required) with this analyst. */
public record AnalysisRequest(ExchangeId exchange, Symbol symbol, List<Timeframe> timeframes, String analyst,
                              BigDecimal minRiskReward) {

    public AnalysisRequest {
        timeframes = timeframes.stream().sorted().distinct().toList();
        if (timeframes.isEmpty()) {
            throw new IllegalArgumentException("an analysis needs at least one timeframe");
        }
    }

    public Timeframe baseTimeframe() {
        return timeframes.getFirst();
    }
}
