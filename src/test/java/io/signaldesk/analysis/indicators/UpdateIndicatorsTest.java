package io.signaldesk.analysis.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.EngineTest;
import io.signaldesk.EngineTestConfiguration;
import io.signaldesk.analysis.TestAnalyses;
import io.signaldesk.analysis.technical.TimeframeReading;
import io.signaldesk.analysis.technical.TimeframeSeries;
import io.signaldesk.market.CandleRead;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketData;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.MarketRefresh;
import io.signaldesk.market.SeriesInUse;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code market.update-indicators} on the real PostgreSQL over the simulated exchange's LINK/USDT (200 closed 30m
 * candles and the one forming, as a first sync stores them): each closed candle stored once, never the forming one; a
 * rerun or a second instance adds nothing; the values are the live analyst's; short and stale series are skipped with
 * their reason.
 */
@EngineTest
class UpdateIndicatorsTest {

    static final Symbol LINK = new Symbol("LINK", "USDT");
    static final Instant NOW = Instant.parse("2026-11-28T10:00:30Z");

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

    SeriesKey m30;

    @BeforeEach
    void freshLinkCandles() {
        EngineTestConfiguration.CLOCK.set(NOW);
        jdbc.update("delete from indicator_value where symbol = ?", LINK.toString());
        TestAnalyses.refreshCandles(refresh, inputs, jdbc, LINK, List.of(Timeframe.M30));
        m30 = inputs.series(ExchangeId.SIM, LINK, Timeframe.M30);
    }

    @Test
    void aRunStoresEveryClosedCandleWithAWarmUpOnceNeverTheFormingOneAndARerunAddsNothing() {
        IndicatorRun first = update(Set.of(m30)).execute();
        IndicatorRun rerun = update(Set.of(m30)).execute();

        assertThat(jdbc.queryForObject("select count(*) from candle where symbol = ? and timeframe = '30m' and not closed",
                Integer.class, LINK.toString())).isEqualTo(1);
        assertThat(first.rowsStored()).isEqualTo(200 - TimeframeReading.WARM_UP + 1);
        assertThat(rows()).isEqualTo(first.rowsStored());
        assertThat(jdbc.queryForObject("select max(open_time) from indicator_value where symbol = ?", Timestamp.class,
                LINK.toString()).toInstant()).isEqualTo(Instant.parse("2026-11-28T09:30:00Z"));
        assertThat(rerun.rowsStored()).isZero();
        assertThat(rows()).isEqualTo(first.rowsStored());
    }

    @Test
    void theNextRunStoresOnlyTheCandleThatClosedSince() {
        update(Set.of(m30)).execute();
        int before = rows();
        EngineTestConfiguration.CLOCK.set(NOW.plus(Duration.ofMinutes(30)));
        refresh.refresh(Set.of(m30));

        IndicatorRun next = update(Set.of(m30)).execute();

        assertThat(next.rowsStored()).isEqualTo(1);
        assertThat(rows()).isEqualTo(before + 1);
        StoredReading newest = store.find(m30, Instant.parse("2026-11-28T10:00:00Z")).orElseThrow();
        var window = (CandleRead.Fresh) market.snapshotCandles(m30, Instant.parse("2026-11-28T10:30:00Z"));
        assertThat(newest.windowCandles()).isEqualTo(200);
        assertThat(newest.reading()).isEqualTo(TimeframeReading.of(Timeframe.M30, window.candles()));
        assertThat(store.find(m30, Instant.parse("2026-11-28T10:30:00Z"))).isEmpty();
    }

    @Test
    void twoInstancesAtOnceStoreTheSameRowsOnce() {
        var one = CompletableFuture.supplyAsync(() -> update(Set.of(m30)).execute());
        var two = CompletableFuture.supplyAsync(() -> update(Set.of(m30)).execute());

        int stored = one.join().rowsStored() + two.join().rowsStored();

        assertThat(stored).isEqualTo(200 - TimeframeReading.WARM_UP + 1);
        assertThat(rows()).isEqualTo(stored);
    }

    @Test
    void eachStoredValueIsWhatTheLiveAnalystComputesAtThatCandlesClose() {
        update(Set.of(m30)).execute();

        for (String open : List.of("2026-11-28T09:30:00Z", "2026-11-27T12:00:00Z", "2026-11-25T12:00:00Z")) {
            Instant openTime = Instant.parse(open);
            var snapshot = (CandleRead.Fresh) market.snapshotCandles(m30, Timeframe.M30.closeOf(openTime));
            StoredReading stored = store.find(m30, openTime).orElseThrow();

            assertThat(snapshot.last().openTime()).isEqualTo(openTime);
            assertThat(stored.reading()).isEqualTo(TimeframeReading.of(Timeframe.M30, snapshot.candles()));
            assertThat(stored.windowCandles()).isEqualTo(snapshot.candles().size());
            assertThat(stored.parameters()).isEqualTo(TimeframeSeries.PARAMETERS);
        }
    }

    @Test
    void aShortSeriesAndAStaleOneAreSkippedWithTheirReasonsCounted() {
        jdbc.update("delete from candle where symbol = ? and timeframe = '30m' and open_time < ?", LINK.toString(),
                Timestamp.from(Instant.parse("2026-11-28T09:30:00Z").minus(Duration.ofMinutes(30L * (TimeframeReading.WARM_UP - 2)))));
        SeriesKey neverSynced = inputs.series(ExchangeId.SIM, LINK, Timeframe.D1);
        TestAnalyses.forgetSimCandles(jdbc, LINK, List.of(Timeframe.D1));

        IndicatorRun run = update(Set.of(m30, neverSynced)).execute();

        assertThat(jdbc.queryForObject("select count(*) from candle where symbol = ? and timeframe = '30m' and closed",
                Integer.class, LINK.toString())).isEqualTo(TimeframeReading.WARM_UP - 1);
        assertThat(run.rowsStored()).isZero();
        assertThat(run.skipped(IndicatorRun.Skip.TOO_FEW_CANDLES)).isEqualTo(1);
        assertThat(run.skipped(IndicatorRun.Skip.STALE)).isEqualTo(1);
        assertThat(run).hasToString("2 series, 0 rows stored; skipped: 1 not fresh (its recent candles are not stored), "
                + "1 fewer than 60 closed candles");
        assertThat(rows()).isZero();
    }

    private UpdateIndicators update(Set<SeriesKey> series) {
        return new UpdateIndicators(new SeriesInUse(List.of(() -> series)), market, store, EngineTestConfiguration.CLOCK, 500);
    }

    private int rows() {
        return jdbc.queryForObject("select count(*) from indicator_value where symbol = ?", Integer.class, LINK.toString());
    }
}
