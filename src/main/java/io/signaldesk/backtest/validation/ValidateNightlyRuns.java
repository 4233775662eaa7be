package io.signaldesk.backtest.validation;

import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.subscriptions.ValidationHolds;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code backtest.validate}: judges each bot on each market from its latest night's runs ({@link NightlyRuns#latestOnOrBefore}, {@link ValidationBar}),
 * records the verdict (one a day; a re-run replaces it) and acts on it in the same transaction. With
 * {@link ValidationAction#DISABLE}: a failing timeframe set pauses the bot's subscriptions on that market and set, and a
 * passing one resumes what validation paused ({@link ValidationHolds}: transitions only, so a second validation tells nobody twice); an
 * incomplete or simulated verdict changes nothing. With {@link ValidationAction#FLAG}: nothing is paused, and what an
 * earlier disable paused is resumed (the operator chose that signals flow, marked). Returns the verdicts recorded.
 */
@Component
class ValidateNightlyRuns {

    private static final Logger log = LoggerFactory.getLogger(ValidateNightlyRuns.class);
    /** How far back a market's latest run still counts as evidence (a week: the nightly job may miss a night or two). */
    static final Period LOOK_BACK = Period.ofDays(7);

    private final NightlyRuns runs;
    private final Verdicts verdicts;
    private final ValidationHolds holds;
    private final NightlyProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ValidateNightlyRuns(NightlyRuns runs, Verdicts verdicts, ValidationHolds holds, NightlyProperties properties,
                        TransactionTemplate transactions, Clock clock) {
        this.runs = runs;
        this.verdicts = verdicts;
        this.holds = holds;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    int execute() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), properties.zone());
        Map<List<String>, List<NightlyRun>> byMarket = new LinkedHashMap<>();
        for (NightlyRun run : runs.latestOnOrBefore(today, LOOK_BACK, RunNightlyBacktestsJob.JOB.lockAtMostFor())) {
            byMarket.computeIfAbsent(List.of(run.bot(), run.exchange(), run.pair()), key -> new java.util.ArrayList<>()).add(run);
        }
        int recorded = 0;
        for (List<NightlyRun> market : byMarket.values()) {
            NightlyRun first = market.getFirst();
            Optional<ExchangeId> exchange = ExchangeId.parse(first.exchange());
            if (exchange.isEmpty()) {
                log.warn("Nightly run {} names an unknown exchange {}: not judged", first.id(), first.exchange());
                continue;
            }
            try {
                MarketVerdict verdict = ValidationBar.judge(exchange.get(), market);
                Symbol pair = Symbol.parse(first.pair());
                transactions.executeWithoutResult(status -> {
                    LocalDate day = market.stream().map(NightlyRun::day).max(LocalDate::compareTo).orElseThrow();
                    verdicts.record(day, first.bot(), exchange.get(), pair, verdict);
                    act(first.bot(), exchange.get(), pair, market, verdict);
                });
            } catch (RuntimeException e) {
                // one market's fault must not leave the others unjudged; its last verdict stands, the next night tries again
                log.error("Validating {} on {} {} (run {}) failed; the other markets are validated", first.bot(), first.exchange(),
                        first.pair(), first.id(), e);
                continue;
            }
            recorded++;
        }
        return recorded;
    }

    /**
     * Pauses and resumes per timeframe set: each run is one set's evidence, and only the subscriptions on that set
     * are paused when it fails (or resumed when it passes); the market's line (its weakest run) is what is shown.
     */
    private void act(String bot, ExchangeId exchange, Symbol pair, List<NightlyRun> market, MarketVerdict verdict) {
        if (properties.validationAction() == ValidationAction.FLAG) {
            holds.release(bot, exchange, pair, verdict.line());
            return;
        }
        for (NightlyRun run : market) {
            List<Optional<Timeframe>> parsed = run.timeframes().stream().map(Timeframe::parse).toList();
            if (!parsed.stream().allMatch(Optional::isPresent)) {
                log.warn("Nightly run {} names an unknown timeframe {}: not acted on", run.id(), run.timeframes());
                continue;
            }
            List<Timeframe> timeframes = parsed.stream().map(Optional::get).toList();
            MarketVerdict own = ValidationBar.judgeSet(exchange, run, market.size() > 1);
            switch (own.kind()) {
                case FAILED -> holds.hold(bot, exchange, pair, timeframes, own.line());
                case VALIDATED -> holds.release(bot, exchange, pair, timeframes, own.line());
                // a pause stands on a complete failing run within the look-back; past it, inconclusive nights release
                // it (a paused model bot stores no new answers, a hole in the exchange's data stays: either would
                // otherwise hold it for good); the next complete failing run pauses it again
                case INCOMPLETE -> {
                    if (!runs.completeRunAfter(run, run.day().minus(LOOK_BACK))) {
                        holds.release(bot, exchange, pair, timeframes, own.line());
                    }
                }
                case SIMULATED -> {
                }
            }
        }
    }
}
