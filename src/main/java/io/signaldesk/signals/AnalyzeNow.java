package io.signaldesk.signals;

import io.signaldesk.analysis.Analysis;
import io.signaldesk.analysis.AnalysisRequest;
import io.signaldesk.analysis.AnalysisResult;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.MarketRefresh;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
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
    private final String analyst;
    private final BigDecimal minRiskReward;

    AnalyzeNow(MarketInputs markets, MarketRefresh refresh, Analysis analysis,
               @Value("${signaldesk.signals.on-demand-analyst}") String analyst,
               @Value("${signaldesk.signals.on-demand-min-risk-reward}") BigDecimal minRiskReward) {
        this.markets = markets;
        this.refresh = refresh;
        this.analysis = analysis;
        this.analyst = analyst;
        this.minRiskReward = minRiskReward;
    }

    public AnalysisResult analyze(ExchangeId exchange, Symbol symbol, List<Timeframe> timeframes) {
        refresh.refresh(timeframes.stream().map(timeframe -> markets.series(exchange, symbol, timeframe)).collect(Collectors.toSet()));
        return analysis.analyze(new AnalysisRequest(exchange, symbol, timeframes, analyst, minRiskReward));
    }
}
