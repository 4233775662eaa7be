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
import org.springframework.jdbc.core.JdbcTemplate;

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

    /**
     * Stores the simulated exchange's candles of {@code symbol} on {@code timeframes} up to the test clock, as a first sync
     * at that clock does, whatever an earlier test stored for these series ({@link #forgetSimCandles}).
     */
    public static void refreshCandles(MarketRefresh refresh, MarketInputs inputs, JdbcTemplate jdbc, Symbol symbol,
                                      List<Timeframe> timeframes) {
        forgetSimCandles(jdbc, symbol, timeframes);
        refresh.refresh(Set.copyOf(timeframes.stream().map(tf -> inputs.series(ExchangeId.SIM, symbol, tf)).toList()));
    }

    /**
     * Deletes the stored sim candles and sync state of {@code symbol} on {@code timeframes}, for a test on the pinned
     * {@code EngineTestConfiguration.CLOCK} that syncs them next. The database is shared with the real-clock
     * {@code IntegrationTest} context (and with tests pinned to other dates): a series state from after the test clock
     * never moves back, so a sync at the test clock would fetch only the candle forming then, and the older candles an
     * analysis reads would be whatever a sync at the real date backfilled, reaching back to the pinned date only while
     * the real date is near it (200 1h candles: 8 days).
     */
    public static void forgetSimCandles(JdbcTemplate jdbc, Symbol symbol, List<Timeframe> timeframes) {
        for (Timeframe timeframe : timeframes) {
            jdbc.update("delete from candle where exchange = 'sim' and symbol = ? and timeframe = ?", symbol.toString(), timeframe.code());
            jdbc.update("delete from candle_series where exchange = 'sim' and symbol = ? and timeframe = ?", symbol.toString(),
                    timeframe.code());
        }
    }
}
