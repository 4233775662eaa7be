package io.signaldesk.analysis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.analysis.cache.AnalysisStore;
import io.signaldesk.market.Candle;
import io.signaldesk.market.CandleRead;
import io.signaldesk.market.MarketData;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.Timeframe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Analyses a pair, computing each {@link AnalysisKey} <b>once</b>: concurrent askers in this instance
 * wait for the one computation (single flight), other instances wait for the key's claim to end and
 * read the stored result ({@link AnalysisStore}), and a restart finds it in PostgreSQL. An analyst
 * that answers with a fallback (the LLM analyst's technical proposal) is stored like any answer: the
 * key is never paid for twice. An analyst that answers "not now" ({@link AnalystNotNow}: the LLM's
 * per-minute limit) has nothing stored, and the asker is told to ask again ({@link AnalysisResult.Deferred})
 * unless the request is its candle's last ask; then the analyst's fallback is stored like an answer.
 *
 * <p>Only fresh data is analysed: a stale or never-synced timeframe gives HOLD with that reason. A
 * request for one base candle (a scheduled run's just-closed candle) is answered
 * {@link AnalysisResult.CandleMissing} until that candle is stored, never with an older one; so is a larger
 * timeframe whose candle closes at the same moment (the 4h candle closing at 16:00 with the 30m one). An
 * analyst that throws or runs past {@code signaldesk.analysis.timeout} gives HOLD with the reason and
 * is not stored (the next asker tries again). A proposal whose levels are on the wrong side of entry is
 * turned into a HOLD saying so before it is stored; its levels are then put on the pair's tick size, and one
 * with a level at or below zero is a HOLD ({@link ExchangeLevels}). A "not now" fallback, shown meanwhile in a
 * {@link AnalysisResult.Deferred}, goes through the same check and fit.
 */
@Component
public class Analysis {

    private final Map<String, Analyst> analysts;
    private final MarketData market;
    private final MarketInputs inputs;
    private final AnalysisStore store;
    private final Duration timeout;
    private final Counter computed;
    private final Map<AnalysisKey, CompletableFuture<AnalysisResult>> inFlight = new ConcurrentHashMap<>();
    private final Cache<AnalysisKey, Proposal> recent = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterWrite(Duration.ofHours(6))
            .build();

    Analysis(List<Analyst> analysts, MarketData market, MarketInputs inputs, AnalysisStore store,
             @Value("${signaldesk.analysis.timeout}") Duration timeout, MeterRegistry meters) {
        this.computed = meters.counter("signaldesk.analysis.computed");
        this.analysts = analysts.stream().collect(Collectors.toMap(Analyst::name, Function.identity()));
        this.market = market;
        this.inputs = inputs;
        this.store = store;
        this.timeout = timeout;
    }

    public AnalysisResult analyze(AnalysisRequest request) {
        Analyst analyst = analysts.get(request.analyst());
        if (analyst == null) {
            return new AnalysisResult.NotAnalysed(Proposal.hold("Unknown analyst '%s'; known: %s."
                    .formatted(request.analyst(), String.join(", ", analysts.keySet())), request.analyst(), "?"));
        }
        List<SeriesKey> series = request.timeframes().stream()
                .map(timeframe -> inputs.series(request.exchange(), request.symbol(), timeframe))
                .toList();
        Instant baseCandle = request.baseCandle();
        for (SeriesKey key : series) {
            Optional<Instant> lastClosed = market.lastClosedIfFresh(key);
            if (key == series.getFirst() && baseCandle != null) {
                if (lastClosed.isEmpty() || lastClosed.get().isBefore(baseCandle)) {
                    return new AnalysisResult.CandleMissing(baseCandle, Proposal.hold(missing(key, baseCandle),
                            analyst.name(), analyst.version()));
                }
                continue;
            }
            if (lastClosed.isEmpty()) {
                String why = market.freshness(key) instanceof CandleRead.Stale stale ? stale.reason() : key + " went stale";
                return new AnalysisResult.NotAnalysed(Proposal.hold("No fresh data: " + why, analyst.name(), analyst.version()));
            }
            Optional<Instant> sameClose = closingWithBase(request, key.timeframe());
            if (sameClose.isPresent() && lastClosed.get().isBefore(sameClose.get())) {
                return new AnalysisResult.CandleMissing(request.baseCandle(), Proposal.hold(missing(key, sameClose.get()),
                        analyst.name(), analyst.version()));
            }
            baseCandle = baseCandle == null ? lastClosed.get() : baseCandle;
        }
        Instant closedBy = request.baseTimeframe().closeOf(baseCandle);
        var key = new AnalysisKey(request.exchange(), request.symbol(), request.timeframes(), baseCandle, analyst.name(),
                analyst.keyVersion(request.symbol(), closedBy), request.minRiskReward());
        return shared(key, request.lastAsk(), () -> compute(analyst, request, series, closedBy));
    }

    /**
     * The open time of the larger timeframe's candle that closes with the requested base candle (the 12:00-16:00
     * 4h candle for the 15:30-16:00 30m one), if one does: it is required like the base candle, never replaced
     * by the candle before it.
     */
    private static Optional<Instant> closingWithBase(AnalysisRequest request, Timeframe timeframe) {
        if (request.baseCandle() == null) {
            return Optional.empty();
        }
        Instant close = request.baseTimeframe().closeOf(request.baseCandle());
        return timeframe.openOf(close).equals(close) ? Optional.of(close.minus(timeframe.duration())) : Optional.empty();
    }

    private String missing(SeriesKey key, Instant candleOpen) {
        String stored = market.freshness(key) instanceof CandleRead.Stale stale ? "; " + stale.reason() : "";
        return "Candle not stored yet: %s closing at %s (late sync)%s.".formatted(key, key.timeframe().closeOf(candleOpen), stored);
    }

    /**
     * The key's result, computed once by the first asker; the others join it. A last ask that joined a
     * computation answered "not now" ({@link AnalysisResult.Deferred}: that asker's ask was not the last)
     * computes again, so that its fallback is stored: the joined computation has released its store claim by then.
     */
    private AnalysisResult shared(AnalysisKey key, boolean lastAsk, Supplier<Proposal> compute) {
        Proposal known = recent.getIfPresent(key);
        if (known != null) {
            return new AnalysisResult.Analysed(key, known);
        }
        var mine = new CompletableFuture<AnalysisResult>();
        CompletableFuture<AnalysisResult> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            AnalysisResult joined = running.join();
            return lastAsk && joined instanceof AnalysisResult.Deferred ? shared(key, true, compute) : joined;
        }
        AnalysisResult result;
        try {
            Proposal proposal = store.findOrCompute(key, compute);
            recent.put(key, proposal);
            result = new AnalysisResult.Analysed(key, proposal);
        } catch (AnalystCall.Failed failed) {
            result = new AnalysisResult.Analysed(key, failed.hold());
        } catch (AnalystNotNow notNow) {
            result = new AnalysisResult.Deferred(key, notNow.fallback(), notNow.reason(), notNow.retryIn());
        } catch (AnalysisStore.StillComputing busy) {
            result = new AnalysisResult.Analysed(key, Proposal.hold("Another instance is still analysing " + key
                    + "; asked again at the next run.", key.analyst(), key.analystVersion()));
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            inFlight.remove(key, mine);
            throw e;
        }
        inFlight.remove(key, mine); // before completing: a joiner that computes again must not find this one
        mine.complete(result);
        return result;
    }

    /**
     * The analysis of the candles that had closed by the key's candle close ({@link io.signaldesk.market.SnapshotRule}, the
     * rule the backtest's replay uses too): the key and the data agree.
     */
    private Proposal compute(Analyst analyst, AnalysisRequest request, List<SeriesKey> series, Instant closedBy) {
        computed.increment();
        var candles = new TreeMap<Timeframe, List<Candle>>();
        for (SeriesKey key : series) {
            if (!(market.snapshotCandles(key, closedBy) instanceof CandleRead.Fresh fresh)) {
                throw new AnalystCall.Failed(Proposal.hold("No fresh data: " + key + " went stale during the analysis.",
                        analyst.name(), analyst.version()));
            }
            candles.put(key.timeframe(), fresh.candles());
        }
        var snapshot = new MarketSnapshot(request.exchange(), request.symbol(), candles, request.minRiskReward());
        try {
            return checkedAndFitted(answer(analyst, snapshot, request.lastAsk()), request);
        } catch (AnalystNotNow notNow) {
            throw new AnalystNotNow(notNow.reason(), checkedAndFitted(notNow.fallback(), request), notNow.retryIn());
        }
    }

    /** The analyst's answer; a "not now" is its fallback on the last ask, else thrown (nothing stored, asked again later). */
    private Proposal answer(Analyst analyst, MarketSnapshot snapshot, boolean lastAsk) {
        try {
            return AnalystCall.within(timeout, analyst, snapshot);
        } catch (AnalystNotNow notNow) {
            if (!lastAsk) {
                throw notNow;
            }
            return notNow.fallback();
        }
    }

    /** What every proposal goes through ({@link ProposalChecks}), a "not now" fallback shown meanwhile too. */
    private Proposal checkedAndFitted(Proposal proposal, AnalysisRequest request) {
        return ProposalChecks.checkedAndFitted(proposal, inputs.listing(request.exchange(), request.symbol()), request.minRiskReward());
    }
}
