package io.signaldesk.signals;

import io.signaldesk.analysis.Analysis;
import io.signaldesk.analysis.AnalysisRequest;
import io.signaldesk.analysis.AnalysisResult;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.MarketRefresh;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.util.List;
import java.util.stream.Collectors;
import io.signaldesk.signals.run.SignalsProperties;
import org.springframework.stereotype.Component;

/**
 * The chat's {@code /analyze}: the same analysis a subscription gets, on demand, for any valid pair.
 * The pair's series are synced first (it may have no subscription, so no stored candles); the result
 * is not a subscription's signal and is neither logged in the ledger nor announced.
 */
@Component
public class AnalyzeNow {

    private final MarketInputs markets;
    private final MarketRefresh refresh;
    private final Analysis analysis;
    private final SignalsProperties properties;

    AnalyzeNow(MarketInputs markets, MarketRefresh refresh, Analysis analysis, SignalsProperties properties) {
        this.markets = markets;
        this.refresh = refresh;
        this.analysis = analysis;
        this.properties = properties;
    }

    public AnalysisResult analyze(ExchangeId exchange, Symbol symbol, List<Timeframe> timeframes) {
        refresh.refresh(timeframes.stream().map(timeframe -> markets.series(exchange, symbol, timeframe)).collect(Collectors.toSet()));
        return analysis.analyze(new AnalysisRequest(exchange, symbol, timeframes, properties.onDemandAnalyst(),
                properties.onDemandMinRiskReward()));
    }
}
