package io.signaldesk.analysis.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.EngineTest;
import io.signaldesk.EngineTestConfiguration;
import io.signaldesk.analysis.IndicatorValues;
import io.signaldesk.analysis.Indicators;
import io.signaldesk.analysis.MarketSnapshot;
import io.signaldesk.analysis.Proposal;
import io.signaldesk.analysis.TestAnalyses;
import io.signaldesk.analysis.llm.AnalystPrompt;
import io.signaldesk.analysis.technical.TechnicalAnalyst;
import io.signaldesk.market.Candle;
import io.signaldesk.market.CandleRead;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketData;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.MarketRefresh;
import io.signaldesk.market.SeriesInUse;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.Timeframe;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link Indicators}: the stored values when they were computed over the very candles an analysis reads now, else
 * computed with the same code; the technical analyst and the LLM prompt reading through it say exactly what they say
 * computing everything themselves.
 */
@EngineTest
class IndicatorsReaderTest {

    private static final List<Timeframe> TIMEFRAMES = List.of(Timeframe.M30, Timeframe.H1, Timeframe.H4);
    private static final Instant LAST_OPEN = Instant.parse("2026-11-28T09:30:00Z");

    @Autowired
    Indicators indicators;
    @Autowired
    MarketData market;
    @Autowired
    MarketInputs inputs;
    @Autowired
    MarketRefresh refresh;
    @Autowired
    IndicatorStore store;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void storedIndicators() {
        EngineTestConfiguration.CLOCK.set(UpdateIndicatorsTest.NOW);
        jdbc.update("delete from indicator_value where symbol = ?", UpdateIndicatorsTest.LINK.toString());
        TestAnalyses.refreshCandles(refresh, inputs, jdbc, UpdateIndicatorsTest.LINK, TIMEFRAMES);
        Set<SeriesKey> series = Set.copyOf(TIMEFRAMES.stream().map(this::key).toList());
        new UpdateIndicators(new SeriesInUse(List.of(() -> series)), market, store, EngineTestConfiguration.CLOCK, 500).execute();
    }

    @Test
    void theLastClosedCandlesStoredValuesAreReadWhenCurrentAndEqualTheComputedOnes() {
        IndicatorValues stored = latest(UpdateIndicatorsTest.NOW);
        jdbc.update("delete from indicator_value where symbol = ? and timeframe = '30m' and open_time = ?",
                UpdateIndicatorsTest.LINK.toString(), Timestamp.from(LAST_OPEN));
        IndicatorValues computed = latest(UpdateIndicatorsTest.NOW);

        assertThat(stored).isInstanceOfSatisfying(IndicatorValues.Current.class, current -> {
            assertThat(current.source()).isEqualTo(IndicatorValues.Source.STORED);
            assertThat(current.candleOpenTime()).isEqualTo(LAST_OPEN);
        });
        assertThat(computed).isInstanceOfSatisfying(IndicatorValues.Current.class,
                current -> assertThat(current.source()).isEqualTo(IndicatorValues.Source.COMPUTED));
        assertThat(computed).usingRecursiveComparison().ignoringFields("source").isEqualTo(stored);
    }

    @Test
    void anEarlierAsOfReadsTheCandleThatHadClosedThenNeverOneStillForming() {
        IndicatorValues earlier = latest(UpdateIndicatorsTest.NOW.minus(Duration.ofMinutes(29)));

        assertThat(earlier).isInstanceOfSatisfying(IndicatorValues.Current.class, current -> {
            assertThat(current.candleOpenTime()).isEqualTo(LAST_OPEN.minus(Duration.ofMinutes(30)));
            assertThat(current.source()).isEqualTo(IndicatorValues.Source.STORED);
        });
    }

    @Test
    void valuesStoredOverCandlesCorrectedSinceAreStaleAndComputedAgain() {
        double storedClose = ((IndicatorValues.Current) latest(UpdateIndicatorsTest.NOW)).close();
        jdbc.update("update candle set close = close * 1.01 where exchange = 'sim' and symbol = ? and timeframe = '30m' and open_time = ?",
                UpdateIndicatorsTest.LINK.toString(), Timestamp.from(LAST_OPEN));

        IndicatorValues corrected = latest(UpdateIndicatorsTest.NOW);

        assertThat(corrected).isInstanceOfSatisfying(IndicatorValues.Current.class, current -> {
            assertThat(current.source()).isEqualTo(IndicatorValues.Source.COMPUTED);
            assertThat(current.close()).isNotEqualTo(storedClose);
        });
    }

    @Test
    void aStaleSeriesHasNoIndicators() {
        EngineTestConfiguration.CLOCK.set(UpdateIndicatorsTest.NOW.plus(Duration.ofHours(3)));

        IndicatorValues stale = latest(EngineTestConfiguration.CLOCK.instant());

        assertThat(stale).isInstanceOfSatisfying(IndicatorValues.Unavailable.class,
                unavailable -> assertThat(unavailable.reason()).startsWith("No fresh data"));
    }

    @Test
    void theAnalystAndThePromptReadingStoredIndicatorsSayWhatTheyComputingThemSay() {
        for (String close : List.of("2026-11-28T10:00:00Z", "2026-11-27T16:00:00Z", "2026-11-26T04:00:00Z")) {
            MarketSnapshot snapshot = snapshot(Instant.parse(close));
            double storedBefore = meters.counter("signaldesk.indicators.read", "source", "stored").count();

            Proposal throughStored = new TechnicalAnalyst(indicators).analyze(snapshot);
            double storedReads = meters.counter("signaldesk.indicators.read", "source", "stored").count() - storedBefore;
            Proposal computed = new TechnicalAnalyst().analyze(snapshot);
            var prompt = new AnalystPrompt(AnalystPrompt.VERSION, indicators).render(snapshot, computed, new BigDecimal("0.02"), 500);
            var computedPrompt = new AnalystPrompt(AnalystPrompt.VERSION).render(snapshot, computed, new BigDecimal("0.02"), 500);

            assertThat(storedReads).isEqualTo(TIMEFRAMES.size());
            assertThat(throughStored).isEqualTo(computed);
            assertThat(prompt).isEqualTo(computedPrompt);
        }
    }

    private MarketSnapshot snapshot(Instant close) {
        var candles = new TreeMap<Timeframe, List<Candle>>();
        for (Timeframe timeframe : TIMEFRAMES) {
            candles.put(timeframe, ((CandleRead.Fresh) market.snapshotCandles(key(timeframe), close)).candles());
        }
        return new MarketSnapshot(ExchangeId.SIM, UpdateIndicatorsTest.LINK, candles, new BigDecimal("1.5"));
    }

    private IndicatorValues latest(Instant asOf) {
        return indicators.latest(ExchangeId.SIM, UpdateIndicatorsTest.LINK, Timeframe.M30, asOf);
    }

    private SeriesKey key(Timeframe timeframe) {
        return inputs.series(ExchangeId.SIM, UpdateIndicatorsTest.LINK, timeframe);
    }
}
