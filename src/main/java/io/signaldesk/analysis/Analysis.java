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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * key is never paid for twice.
 *
 * <p>Only fresh data is analysed: a stale or never-synced timeframe gives HOLD with that reason. An
 * analyst that throws or runs past {@code signaldesk.analysis.timeout} gives HOLD with the reason and
 * is not stored (the next asker tries again). A proposal whose levels are on the wrong side of entry is
 * turned into a HOLD saying so before it is stored; its levels are then put on the pair's tick size, and one
 * with a level at or below zero is a HOLD ({@link ExchangeLevels}).
 */
@Component
public class Analysis {

    static final int CANDLES = 200;

    private final Map<String, Analyst> analysts;
    private final MarketData market;
    private final MarketInputs inputs;
    private final AnalysisStore store;
    private final Duration timeout;
    private final Counter computed;
    private final Map<AnalysisKey, CompletableFuture<Proposal>> inFlight = new ConcurrentHashMap<>();
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
            return new AnalysisResult(null, Proposal.hold("Unknown analyst '%s'; known: %s."
                    .formatted(request.analyst(), String.join(", ", analysts.keySet())), request.analyst(), "?"));
        }
        List<SeriesKey> series = request.timeframes().stream()
                .map(timeframe -> inputs.series(request.exchange(), request.symbol(), timeframe))
                .toList();
        Instant baseCandle = null;
        for (SeriesKey key : series) {
            Optional<Instant> lastClosed = market.lastClosedIfFresh(key);
            if (lastClosed.isEmpty()) {
                String why = market.freshness(key) instanceof CandleRead.Stale stale ? stale.reason() : key + " went stale";
                return new AnalysisResult(null, Proposal.hold("No fresh data: " + why, analyst.name(), analyst.version()));
            }
            baseCandle = baseCandle == null ? lastClosed.get() : baseCandle;
        }
        var key = new AnalysisKey(request.exchange(), request.symbol(), request.timeframes(), baseCandle, analyst.name(),
                analyst.version(), request.minRiskReward());
        Instant closedBy = request.baseTimeframe().closeOf(baseCandle);
        return new AnalysisResult(key, shared(key, () -> compute(analyst, request, series, closedBy)));
    }

    private Proposal shared(AnalysisKey key, Supplier<Proposal> compute) {
        Proposal known = recent.getIfPresent(key);
        if (known != null) {
            return known;
        }
        var mine = new CompletableFuture<Proposal>();
        CompletableFuture<Proposal> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return running.join();
        }
        try {
            Proposal proposal = store.findOrCompute(key, compute);
            recent.put(key, proposal);
            mine.complete(proposal);
            return proposal;
        } catch (AnalystFailed failed) {
            mine.complete(failed.hold);
            return failed.hold;
        } catch (AnalysisStore.StillComputing busy) {
            Proposal hold = Proposal.hold("Another instance is still analysing " + key + "; asked again at the next run.",
                    key.analyst(), key.analystVersion());
            mine.complete(hold);
            return hold;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /** The analysis of the candles that had closed by the key's candle close: the key and the data agree. */
    private Proposal compute(Analyst analyst, AnalysisRequest request, List<SeriesKey> series, Instant closedBy) {
        computed.increment();
        var candles = new TreeMap<Timeframe, List<Candle>>();
        for (SeriesKey key : series) {
            if (!(market.closedCandlesBy(key, CANDLES, closedBy) instanceof CandleRead.Fresh fresh)) {
                throw new AnalystFailed(Proposal.hold("No fresh data: " + key + " went stale during the analysis.",
                        analyst.name(), analyst.version()));
            }
            candles.put(key.timeframe(), fresh.candles());
        }
        var snapshot = new MarketSnapshot(request.exchange(), request.symbol(), candles, request.minRiskReward());
        Proposal proposal = withTimeout(analyst, snapshot);
        Proposal checked = proposal.problem()
                .map(problem -> proposal.heldBecause("Proposal rejected (" + problem + ")."))
                .orElse(proposal);
        return ExchangeLevels.fit(checked, inputs.listing(request.exchange(), request.symbol()), request.minRiskReward());
    }

    /** Runs the analyst on its own virtual thread; past the timeout it is interrupted and left behind. */
    private Proposal withTimeout(Analyst analyst, MarketSnapshot snapshot) {
        var answer = new CompletableFuture<Proposal>();
        Thread worker = Thread.ofVirtual().name("analyst-" + analyst.name()).start(() -> {
            try {
                answer.complete(analyst.analyze(snapshot));
            } catch (Throwable e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            worker.interrupt();
            throw failed(analyst, "did not answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw failed(analyst, "failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(analyst, "was interrupted");
        }
    }

    private static AnalystFailed failed(Analyst analyst, String what) {
        return new AnalystFailed(Proposal.hold("Analyst %s %s.".formatted(analyst.name(), what), analyst.name(), analyst.version()));
    }

    /** An analysis that could not be made now; its HOLD is answered but not stored. */
    private static final class AnalystFailed extends RuntimeException {
        private final transient Proposal hold;

        AnalystFailed(Proposal hold) {
            super(hold.reasoning(), null, false, false);
            this.hold = hold;
        }
    }
}
