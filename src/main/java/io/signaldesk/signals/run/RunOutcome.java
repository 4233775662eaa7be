package io.signaldesk.signals.run;

import io.signaldesk.analysis.AnalysisKey;
import io.signaldesk.analysis.Proposal;
import io.signaldesk.market.MarketType;
import io.signaldesk.market.Symbol;
import io.signaldesk.risk.RiskVerdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one run of a subscription decided, as logged.
 *
 * @param analysed  the analyst's proposal before the risk gate (null when no analysis ran)
 * @param decision  what was decided: the proposal, or a HOLD saying why
 * @param key       the analysis key (null when no analysis ran)
 * @param setup     position setup's result: {@code skipped} for signals-only bots
 * @param timingsMs milliseconds per phase
 */
public record RunOutcome(
        Symbol pair,
        MarketType marketType,
        Proposal analysed,
        Proposal decision,
        AnalysisKey key,
        List<RiskVerdict> verdicts,
        String setup,
        Map<String, Long> timingsMs,
        Instant at) {

    public RunOutcome {
        verdicts = List.copyOf(verdicts);
        timingsMs = Map.copyOf(timingsMs);
    }
}
