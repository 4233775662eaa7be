package io.signaldesk.analysis;

import io.signaldesk.analysis.cache.AnalysisStore;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The answers live analyses stored (the analysis cache), read back for a backtest: a model-calling analyst
 * ({@link Analyst#callsAModel}) is replayed from these only, never asked again.
 */
@Component
public class StoredAnalyses {

    private final AnalysisStore store;

    StoredAnalyses(AnalysisStore store) {
        this.store = store;
    }

    /**
     * The analyst's stored proposals (at {@code analystVersion}, with the bot's {@code minRiskReward}) on the pair and these
     * timeframes, by the open time of their base candle, for base candles opening in [{@code fromOpen}, {@code toOpen}).
     */
    public Map<Instant, Proposal> between(ExchangeId exchange, Symbol symbol, List<Timeframe> timeframes, String analyst,
                                          String analystVersion, BigDecimal minRiskReward, Instant fromOpen, Instant toOpen) {
        return store.between(exchange, symbol, timeframes, analyst, analystVersion, minRiskReward, fromOpen, toOpen);
    }
}
