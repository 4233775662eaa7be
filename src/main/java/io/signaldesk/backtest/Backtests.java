package io.signaldesk.backtest;

import io.signaldesk.analysis.Analyst;
import io.signaldesk.analysis.Proposal;
import io.signaldesk.analysis.SeriesAnalyst;
import io.signaldesk.analysis.StoredAnalyses;
import io.signaldesk.backtest.baseline.NullBaseline;
import io.signaldesk.backtest.metrics.BacktestMetrics;
import io.signaldesk.backtest.replay.DecisionSource;
import io.signaldesk.backtest.replay.Replay;
import io.signaldesk.backtest.replay.ReplayEntrySimulator;
import io.signaldesk.backtest.replay.ReplayHistory;
import io.signaldesk.backtest.replay.TradeSimulator;
import io.signaldesk.market.Candle;
import io.signaldesk.market.CandleHistory;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.PairListing;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.SnapshotRule;
import io.signaldesk.market.Timeframe;
import io.signaldesk.risk.RiskGate;
import io.signaldesk.subscriptions.BotTemplates;
import io.signaldesk.subscriptions.BotTemplates.BotTemplate;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The facade: runs one backtest end to end (history, replay, metrics, baseline). Blocking; callers run it
 * on their own worker. Bad requests are refused before anything starts ({@link BacktestRefused}).
 *
 * <ol>
 *   <li><b>Check</b> the request: a known active bot template whose analyst is known here, a risk per trade in (0, 1],
 *       at least one baseline run.</li>
 *   <li><b>History</b>: for each timeframe, {@link CandleHistory#fill} from {@value SnapshotRule#CANDLES} candles before
 *       {@code from} (the first decision's snapshot is whole) to {@code to}, reported as {@link BacktestProgress#fetching};
 *       whatever could not be had makes the report incomplete ({@link BacktestReport#missing}).</li>
 *   <li><b>Replay</b> ({@link Replay}), reported as {@link BacktestProgress#replaying}: an analyst that reads whole series
 *       ({@link SeriesAnalyst}) is asked at each close over the whole history read once; any other on a snapshot per close;
 *       a model-calling analyst ({@link Analyst#callsAModel}) is never called: its answers stored by live analyses are
 *       replayed, and a close without one counts as HOLD (the report's notes give both counts). Such a close is also a
 *       gap in the evidence: the report is incomplete ({@link BacktestReport#missing}: "N of M decision points have no
 *       stored LLM answer"), so a model bot is never judged, let alone paused, on HOLDs it never gave.</li>
 *   <li><b>Report</b>: the equity curve and metrics over the base candles opening in [{@code from}, {@code to})
 *       ({@link BacktestMetrics}), the null baseline ({@link NullBaseline}, random entries through the same judge and
 *       costs), notes.</li>
 * </ol>
 */
@Component
public class Backtests {

    private final BotTemplates bots;
    private final Map<String, Analyst> analysts;
    private final StoredAnalyses stored;
    private final MarketInputs markets;
    private final CandleHistory history;
    private final RiskGate risk;
    private final LiveJudge judge;
    private final ZoneId zone;

    @Autowired
    protected Backtests(BotTemplates bots, List<Analyst> analysts, StoredAnalyses stored, MarketInputs markets,
                        CandleHistory history, RiskGate risk, LiveJudge judge,
                        @Value("${signaldesk.signals.zone}") ZoneId zone) {
        this.bots = bots;
        this.analysts = analysts.stream().collect(Collectors.toMap(Analyst::name, Function.identity(), (a, b) -> a));
        this.stored = stored;
        this.markets = markets;
        this.history = history;
        this.risk = risk;
        this.judge = judge;
        this.zone = zone;
    }

    /** For test doubles (a subclass overriding {@link #run}): nothing to run with. */
    protected Backtests() {
        this(null, List.of(), null, null, null, null, null, ZoneId.of("UTC"));
    }

    /** Runs the request; throws {@link BacktestRefused} with a user-facing reason for a request that cannot run. */
    public BacktestReport run(BacktestRequest request, BacktestProgress progress) {
        BotTemplate bot = check(request);
        Analyst analyst = analysts.get(bot.analyst());
        List<String> missing = new ArrayList<>();
        var series = new TreeMap<Timeframe, List<Candle>>();
        int pagesBefore = 0;
        for (Timeframe timeframe : request.timeframes()) {
            SeriesKey key = markets.series(request.exchange(), request.pair(), timeframe);
            Instant start = request.from().minus(timeframe.duration().multipliedBy(SnapshotRule.CANDLES));
            int offset = pagesBefore;
            CandleHistory.HistoryFill fill = history.fill(key, start, request.to(),
                    (page, pages) -> progress.fetching(offset + page, offset + pages));
            pagesBefore += fill.pagesFetched();
            missing.addAll(fill.missing());
            series.put(timeframe, history.closedCandles(key, start, request.to()));
        }
        ReplayHistory replayed = new ReplayHistory(series);
        List<Candle> span = replayed.baseCandles().stream()
                .filter(candle -> !candle.openTime().isBefore(request.from()) && candle.openTime().isBefore(request.to())).toList();
        if (span.isEmpty()) {
            throw new BacktestRefused("No %s candle of %s %s is stored or could be fetched between %s and %s: nothing to replay%s."
                    .formatted(request.base(), request.exchange().id(), request.pair(), request.from(), request.to(),
                            missing.isEmpty() ? "" : " (" + String.join("; ", missing) + ")"));
        }
        List<String> notes = new ArrayList<>();
        DecisionSource decisions = decisions(request, bot, analyst, replayed, missing, notes);
        Optional<PairListing> listing = markets.listing(request.exchange(), request.pair());
        var simulator = new TradeSimulator(replayed, judge, request.costs(), listing.map(PairListing::tickSize).orElse(null));
        Replay.Result result = new Replay(risk, zone).run(replayed, decisions, simulator, request.from(), request.to(),
                request.riskRules(), bot.minRiskReward(), listing, progress::replaying);
        if (result.heldByRisk() > 0) {
            notes.add("%d BUY or SELL proposals were held by the risk rules.".formatted(result.heldByRisk()));
        }
        if (result.openAtEnd() > 0) {
            notes.add("The last signal was still open where the history ends (its %d h horizon reaches past it): left out."
                    .formatted(judge.horizon().toHours()));
        }
        List<EquityPoint> equity = BacktestMetrics.equity(result.trades(), request.base(), span, request.riskPerTrade());
        Metrics metrics = BacktestMetrics.of(result.trades(), equity);
        Baseline baseline = NullBaseline.of(result.trades(), new ReplayEntrySimulator(replayed, simulator, result),
                request.baselineSeeds(), request.seed());
        return new BacktestReport(request, analyst.name(), analyst.version(), result.decisionTimes().size(), result.trades(),
                metrics, equity, baseline, missing, notes);
    }

    private BotTemplate check(BacktestRequest request) {
        BotTemplate bot = bots.find(request.bot()).orElseThrow(() -> new BacktestRefused("Unknown bot '%s'. Bots: %s."
                .formatted(request.bot(), bots.active().stream().map(BotTemplate::code).collect(Collectors.joining(", ")))));
        if (!analysts.containsKey(bot.analyst())) {
            throw new BacktestRefused("The bot '%s' is answered by the analyst '%s', which this deployment does not have; analysts: %s."
                    .formatted(bot.code(), bot.analyst(), String.join(", ", analysts.keySet())));
        }
        List<Timeframe> sorted = request.timeframes().stream().sorted().distinct().toList();
        if (!sorted.equals(request.timeframes())) {
            throw new BacktestRefused("Timeframes go smallest first, each once (the first is the one decisions are made on), e.g. %s; got %s."
                    .formatted(sorted.stream().map(Timeframe::code).collect(Collectors.joining(",")),
                            request.timeframes().stream().map(Timeframe::code).collect(Collectors.joining(","))));
        }
        if (!(request.riskPerTrade() > 0 && request.riskPerTrade() <= 1)) {
            throw new BacktestRefused("The risk per trade is a fraction of equity above 0 and at most 1, e.g. 0.01 (1 %%); got %s."
                    .formatted(request.riskPerTrade()));
        }
        if (request.baselineSeeds() < 1) {
            throw new BacktestRefused("The null baseline needs at least one random run (100 is the default); got "
                    + request.baselineSeeds() + ".");
        }
        if (request.riskRules() == null || request.costs() == null) {
            throw new BacktestRefused("A backtest needs risk rules and a cost model (CostModel.DEFAULT).");
        }
        return bot;
    }

    private DecisionSource decisions(BacktestRequest request, BotTemplate bot, Analyst analyst, ReplayHistory history,
                                     List<String> missing, List<String> notes) {
        if (analyst.callsAModel()) {
            Map<Instant, Proposal> answers = stored.between(request.exchange(), request.pair(), request.timeframes(), analyst.name(),
                    analyst.version(), bot.minRiskReward(), request.from().minus(request.base().duration()),
                    request.to().minus(request.base().duration()));
            List<Integer> decisionPoints = history.decisionIndexes(request.from(), request.to());
            long points = decisionPoints.size();
            long answered = decisionPoints.stream().filter(i -> answers.containsKey(history.baseCandles().get(i).openTime())).count();
            notes.add(("The %s analyst (%s) is replayed from its %,d stored answers only; no model was called; "
                    + "%,d decision points had none and count as HOLD.").formatted(analyst.name(), analyst.version(), answered,
                    points - answered));
            if (answered < points) {
                // first: with many history gaps, a message naming the first few still names this one
                missing.addFirst("%,d of %,d decision points have no stored LLM answer".formatted(points - answered, points));
            }
            return DecisionSource.stored(answers, request.base(), analyst.name(), analyst.version());
        }
        if (analyst instanceof SeriesAnalyst fast) {
            return DecisionSource.series(fast, request.exchange(), request.pair(), history, bot.minRiskReward());
        }
        return DecisionSource.snapshots(analyst, request.exchange(), request.pair(), history, bot.minRiskReward());
    }
}
