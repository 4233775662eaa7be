package io.signaldesk.signals.run;

import io.signaldesk.analysis.Analysis;
import io.signaldesk.analysis.AnalysisRequest;
import io.signaldesk.analysis.AnalysisResult;
import io.signaldesk.analysis.Proposal;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.Symbol;
import io.signaldesk.risk.RiskGate;
import io.signaldesk.risk.RiskVerdict;
import io.signaldesk.signals.ledger.RiskHistory;
import io.signaldesk.signals.ledger.SignalLedger;
import io.signaldesk.subscriptions.DueSubscription;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One run of a claimed subscription, phases 3 to 6 of the seed's flow: pick the first pair (primary,
 * then secondaries in order) without an open position; analyse it (shared analysis, fresh data or
 * HOLD); for BUY or SELL, check every risk rule and turn a failure into HOLD with its reason (HOLD
 * skips the checks); skip position setup, as a signals-only bot does; log the run and store the
 * signal once. Whatever fails inside becomes a HOLD with the reason, and the run is still logged.
 */
@Component
public class RunSubscription {

    private static final Logger log = LoggerFactory.getLogger(RunSubscription.class);
    private static final String SKIPPED = "skipped";

    private final OpenPositions positions;
    private final Analysis analysis;
    private final MarketInputs markets;
    private final RiskGate risk;
    private final RiskHistory history;
    private final SignalLedger ledger;
    private final SignalsProperties properties;
    private final Clock clock;

    RunSubscription(OpenPositions positions, Analysis analysis, MarketInputs markets, RiskGate risk, RiskHistory history,
                    SignalLedger ledger, SignalsProperties properties, Clock clock) {
        this.positions = positions;
        this.analysis = analysis;
        this.markets = markets;
        this.risk = risk;
        this.history = history;
        this.ledger = ledger;
        this.properties = properties;
        this.clock = clock;
    }

    /** Runs and logs; throws only when the log itself cannot be written (the claim then expires and the run is retried). */
    public RunOutcome run(DueSubscription subscription) {
        Instant now = clock.instant();
        RunOutcome outcome;
        try {
            outcome = decide(subscription, now);
        } catch (RuntimeException e) {
            log.warn("Run of subscription {} failed: {}", subscription.id(), e.toString());
            Proposal hold = Proposal.hold("The run failed: " + e.getMessage(), subscription.analyst(), "?");
            outcome = new RunOutcome(subscription.pairs().getFirst(), null, null, hold, null, List.of(), SKIPPED, Map.of(), now);
        }
        ledger.record(subscription, outcome);
        return outcome;
    }

    private RunOutcome decide(DueSubscription subscription, Instant now) {
        Map<String, Long> timings = new LinkedHashMap<>();
        Optional<Symbol> pair = subscription.pairs().stream()
                .filter(candidate -> !positions.hasOpenPosition(subscription.id(), candidate))
                .findFirst();
        if (pair.isEmpty()) {
            Proposal hold = Proposal.hold("Every pair of the subscription has an open position.", subscription.analyst(), "?");
            return new RunOutcome(subscription.pairs().getFirst(), null, null, hold, null, List.of(), SKIPPED, timings, now);
        }
        long started = System.nanoTime();
        AnalysisResult result = analysis.analyze(new AnalysisRequest(subscription.exchange(), pair.get(),
                subscription.timeframes(), subscription.analyst(), subscription.minRiskReward()));
        timings.put("analysis", elapsedMs(started));
        Proposal decision = result.proposal();
        List<RiskVerdict> verdicts = List.of();
        if (decision.action().actionable()) {
            started = System.nanoTime();
            verdicts = risk.check(subscription.riskRules(), history.contextFor(subscription.id(), now, properties.zone()));
            Optional<String> failure = RiskGate.firstFailure(verdicts);
            if (failure.isPresent()) {
                decision = decision.heldBecause(failure.get());
            }
            timings.put("risk", elapsedMs(started));
        }
        var marketType = markets.series(subscription.exchange(), pair.get(), subscription.timeframes().getFirst()).marketType();
        // phase 5, position setup: SignalDesk never trades on its own; for SIGNALS_FUTURES it is recorded as skipped
        return new RunOutcome(pair.get(), marketType, result.proposal(), decision, result.key(), verdicts, SKIPPED, timings, now);
    }

    private static long elapsedMs(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
