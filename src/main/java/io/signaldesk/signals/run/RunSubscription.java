package io.signaldesk.signals.run;

import io.signaldesk.analysis.Analysis;
import io.signaldesk.analysis.AnalysisRequest;
import io.signaldesk.analysis.AnalysisResult;
import io.signaldesk.analysis.Proposal;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.Symbol;
import io.signaldesk.risk.RiskGate;
import io.signaldesk.risk.RiskVerdict;
import io.signaldesk.signals.OpenPositions;
import io.signaldesk.signals.ledger.RiskHistory;
import io.signaldesk.signals.ledger.SignalLedger;
import io.signaldesk.subscriptions.DueSubscription;
import io.signaldesk.subscriptions.RunWindow;
import io.signaldesk.market.Timeframe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One run of a claimed subscription, phases 3 to 6 of the seed's flow: pick the first pair (primary,
 * then secondaries in order) without an open position of the subscription's owner ({@link OpenPositions}; all taken:
 * HOLD, saying so); analyse it (shared analysis, fresh data or
 * HOLD); for BUY or SELL, check every risk rule and turn a failure into HOLD with its reason (HOLD
 * skips the checks); skip position setup, as a signals-only bot does; log the run and store the
 * signal once. Whatever fails inside becomes a HOLD with the reason, and the run is still logged.
 *
 * <p><b>Fresh decisions only</b> ({@link RunWindow}): a run acts only on the candle that just closed for
 * the base (smallest) timeframe, within the run delay plus the grace after its close; the larger
 * timeframes give their latest closed candles as context. A claim outside every window (a new, resumed
 * or re-timeframed subscription between closes) analyses nothing, logs nothing and is due at the next
 * close plus the run delay; one that was due within a window but ran after it (an instance stopped or
 * busy) logs that the close was missed. When the close's candle is not stored yet (a late sync), or the
 * LLM's per-minute limit is reached, the run logs that it waits and is due again {@code data-retry}
 * later (30 to 60 s, kept in {@code next_run_at}, so a restart keeps it), or when the LLM's minute frees a
 * request if that is later, until the candle is analysed or the window ends. Runs are claimed on the
 * scheduler's tick, so a retry is due no later than a tick before the window's end and the try from then on
 * is known as the last ({@link RunWindow#lastAsk}); a retry claimed a little after the window's end (the
 * tick's lag) still acts on its close. The last ask stores the LLM's fallback, or logs that the candle never came.
 *
 * <p>When a run outlives its lease (a slow database after a long analysis), another worker may claim the
 * subscription and run the same close again: the analysis is shared (single flight, and the stored key),
 * and the signal is stored once (unique per subscription, pair and candle), but both runs are logged in
 * {@code bot_action}; the first run's end then changes nothing ({@code complete} matches only its own claim).
 */
@Component
public class RunSubscription {

    private static final Logger log = LoggerFactory.getLogger(RunSubscription.class);
    private static final String SKIPPED = "skipped";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOSE = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final OpenPositions positions;
    private final Analysis analysis;
    private final MarketInputs markets;
    private final RiskGate risk;
    private final RiskHistory history;
    private final SignalLedger ledger;
    private final SignalsProperties properties;
    private final RunWindow windows;
    private final Clock clock;

    RunSubscription(OpenPositions positions, Analysis analysis, MarketInputs markets, RiskGate risk, RiskHistory history,
                    SignalLedger ledger, SignalsProperties properties, RunWindow windows, Clock clock) {
        this.positions = positions;
        this.analysis = analysis;
        this.markets = markets;
        this.risk = risk;
        this.history = history;
        this.ledger = ledger;
        this.properties = properties;
        this.windows = windows;
        this.clock = clock;
    }

    /**
     * Runs (when a close's window is open), logs, and returns when the subscription is due again; throws only
     * when the log itself cannot be written (the claim then expires and the run is retried).
     */
    public Instant run(DueSubscription subscription) {
        Instant now = clock.instant();
        Timeframe base = subscription.timeframes().getFirst();
        Instant next = windows.nextRun(base, now);
        Optional<Instant> acting = windows.closeToDecide(base, now, subscription);
        if (acting.isEmpty()) {
            Optional<Instant> missed = windows.closeDueAt(base, subscription.dueAt());
            missed.ifPresent(m -> ledger.record(subscription, hold(subscription,
                    "Missed the %s close of %s: its window ended at %s, before this run; no analysis of that candle. Next run after the %s close."
                            .formatted(close(m), base.code(), time(windows.windowEnd(m)), close(next.minus(windows.runDelay()))), now)));
            return next;
        }
        Instant windowEnd = windows.windowEnd(acting.get());
        boolean lastAsk = windows.lastAsk(acting.get(), now);
        RunOutcome outcome;
        Attempt attempt = new Attempt(null, false, Duration.ZERO);
        try {
            attempt = decide(subscription, acting.get().minus(base.duration()), lastAsk, now);
            outcome = attempt.outcome();
        } catch (RuntimeException e) {
            log.warn("Run of subscription {} failed: {}", subscription.id(), e.toString());
            outcome = hold(subscription, "The run failed: " + e.getMessage(), now);
        }
        if (attempt.askAgain() && !lastAsk) {
            Instant earliest = now.plus(properties.dataRetry());
            Instant granted = clock.instant().plus(attempt.retryIn());
            Instant retry = windows.retry(acting.get(), granted.isAfter(earliest) ? granted : earliest);
            outcome = held(outcome, "Waiting for the %s close of %s: %s Asked again at %s; its window ends at %s."
                    .formatted(close(acting.get()), base.code(), outcome.decision().reasoning(), time(retry), time(windowEnd)));
            ledger.record(subscription, outcome);
            return retry;
        }
        if (attempt.askAgain()) {
            outcome = held(outcome, "No analysis of the %s close of %s: %s Its window ends at %s, before another try. Next run after the %s close."
                    .formatted(close(acting.get()), base.code(), outcome.decision().reasoning(), time(windowEnd),
                            close(next.minus(windows.runDelay()))));
        }
        ledger.record(subscription, outcome);
        return next;
    }

    /**
     * What one analysis attempt decided, and whether it should be asked again within the window, not sooner than
     * {@code retryIn} from the end of the attempt (when the LLM's minute frees a request; zero when unknown).
     */
    private record Attempt(RunOutcome outcome, boolean askAgain, Duration retryIn) {
    }

    private Attempt decide(DueSubscription subscription, Instant baseCandle, boolean lastAsk, Instant now) {
        Map<String, Long> timings = new LinkedHashMap<>();
        Optional<Symbol> pair = subscription.pairs().stream()
                .filter(candidate -> !positions.hasOpenPosition(subscription.userId(), candidate))
                .findFirst();
        if (pair.isEmpty()) {
            return new Attempt(hold(subscription, "Every pair of the subscription has an open position.", now), false, Duration.ZERO);
        }
        long started = System.nanoTime();
        AnalysisResult result = analysis.analyze(new AnalysisRequest(subscription.exchange(), pair.get(),
                subscription.timeframes(), subscription.analyst(), subscription.minRiskReward(), baseCandle, lastAsk));
        timings.put("analysis", elapsedMs(started));
        if (result.askAgain()) {
            String why = result instanceof AnalysisResult.Deferred deferred
                    ? "LLM unavailable (" + deferred.reason() + ")." : result.proposal().reasoning();
            Duration retryIn = result instanceof AnalysisResult.Deferred deferred ? deferred.retryIn() : Duration.ZERO;
            return new Attempt(new RunOutcome(pair.get(), null, null, result.proposal().heldBecause(why), null, List.of(), SKIPPED,
                    timings, now), true, retryIn);
        }
        Proposal decision = result.proposal();
        List<RiskVerdict> verdicts = List.of();
        if (decision.action().actionable()) {
            started = System.nanoTime();
            verdicts = risk.check(subscription.riskRules(), history.contextFor(subscription.id(), subscription.userId(), now, properties.zone()));
            Optional<String> failure = RiskGate.firstFailure(verdicts);
            if (failure.isPresent()) {
                decision = decision.heldBecause(failure.get());
            }
            timings.put("risk", elapsedMs(started));
        }
        var marketType = markets.series(subscription.exchange(), pair.get(), subscription.timeframes().getFirst()).marketType();
        // phase 5, position setup: SignalDesk never trades on its own; for SIGNALS_FUTURES it is recorded as skipped
        return new Attempt(new RunOutcome(pair.get(), marketType, result.proposal(), decision, result.key(), verdicts, SKIPPED,
                timings, now), false, Duration.ZERO);
    }

    private static RunOutcome hold(DueSubscription subscription, String reason, Instant now) {
        Proposal hold = Proposal.hold(reason, subscription.analyst(), "?");
        return new RunOutcome(subscription.pairs().getFirst(), null, null, hold, null, List.of(), SKIPPED, Map.of(), now);
    }

    private static RunOutcome held(RunOutcome waiting, String reason) {
        return new RunOutcome(waiting.pair(), null, null, waiting.decision().heldBecause(reason), null, List.of(), SKIPPED,
                waiting.timingsMs(), waiting.at());
    }

    private static String time(Instant instant) {
        return TIME.format(instant);
    }

    private static String close(Instant instant) {
        return CLOSE.format(instant);
    }

    private static long elapsedMs(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
