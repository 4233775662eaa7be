package io.signaldesk.analysis;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.signaldesk.analysis.cache.AnalysisStore;
import io.signaldesk.market.MarketData;
import io.signaldesk.market.MarketInputs;
import java.time.Duration;
import java.util.List;

/** An {@link Analysis} of its own with the given analysts, for tests outside this package (a run with a test analyst). */
public final class TestAnalyses {

    private TestAnalyses() {
    }

    public static Analysis with(List<Analyst> analysts, MarketData market, MarketInputs inputs, AnalysisStore store) {
        return new Analysis(analysts, market, inputs, store, Duration.ofSeconds(10), new SimpleMeterRegistry());
    }
}
