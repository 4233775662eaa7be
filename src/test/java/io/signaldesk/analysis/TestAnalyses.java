package io.signaldesk.analysis;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.signaldesk.analysis.cache.AnalysisStore;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketData;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.MarketRefresh;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * An {@link Analysis} of its own with the given analysts, the test analysts it runs, and the simulated candles it
 * reads: for analysis tests and for tests outside this package (a run with a test analyst).
 */
public final class TestAnalyses {

    private TestAnalyses() {
    }

    public static Analysis with(List<Analyst> analysts, MarketData market, MarketInputs inputs, AnalysisStore store) {
        return new Analysis(analysts, market, inputs, store, Duration.ofSeconds(10), new SimpleMeterRegistry());
    }

    /** A test analyst of version "1" named {@code name} whose answer (or exception) is {@code body}'s. */
    public static Analyst analyst(String name, Function<MarketSnapshot, Proposal> body) {
        return new Answering(name, body);
    }

    private record Answering(String name, Function<MarketSnapshot, Proposal> body) implements Analyst {

        @Override
        public String version() {
            return "1";
        }

        @Override
        public Proposal analyze(MarketSnapshot snapshot) {
            return body.apply(snapshot);
        }
    }

    /** Stores the simulated exchange's candles of {@code symbol} on {@code timeframes}, up to the test clock. */
    public static void refreshCandles(MarketRefresh refresh, MarketInputs inputs, Symbol symbol, List<Timeframe> timeframes) {
        refresh.refresh(Set.copyOf(timeframes.stream().map(tf -> inputs.series(ExchangeId.SIM, symbol, tf)).toList()));
    }
}
