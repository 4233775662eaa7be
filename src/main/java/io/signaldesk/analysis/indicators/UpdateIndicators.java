package io.signaldesk.analysis.indicators;

import io.signaldesk.analysis.technical.TimeframeReading;
import io.signaldesk.analysis.technical.TimeframeSeries;
import io.signaldesk.market.Candle;
import io.signaldesk.market.CandleRead;
import io.signaldesk.market.MarketData;
import io.signaldesk.market.SeriesInUse;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.SnapshotRule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * One {@code market.update-indicators} run: for every series in use ({@link SeriesInUse}, what the candle sync keeps), the
 * indicators at each closed candle not stored yet, each over its snapshot window ({@link IndicatorWindow}: what the live
 * analyst computes at that candle), upserted. Incremental: it computes from the newest stored candle on (that one
 * again, so a late correction of it is stored) to the last closed one, at most {@code backfill} candles per series,
 * reading only those and one window before them. A candle still forming is never read. A series that is stale or has fewer than
 * {@value TimeframeReading#WARM_UP} closed candles is skipped with its reason counted.
 */
@Component
public class UpdateIndicators {

    private static final Logger log = LoggerFactory.getLogger(UpdateIndicators.class);

    private final SeriesInUse seriesInUse;
    private final MarketData market;
    private final IndicatorStore store;
    private final Clock clock;
    private final int backfill;

    UpdateIndicators(SeriesInUse seriesInUse, MarketData market, IndicatorStore store, Clock clock,
                     @Value("${signaldesk.analysis.indicators-backfill}") int backfill) {
        if (backfill < 1) {
            throw new IllegalArgumentException("signaldesk.analysis.indicators-backfill must be at least 1; got " + backfill);
        }
        this.seriesInUse = seriesInUse;
        this.market = market;
        this.store = store;
        this.clock = clock;
        this.backfill = backfill;
    }

    /** Updates every series in use; fails only when every series failed outright. */
    public IndicatorRun execute() {
        Set<SeriesKey> series = seriesInUse.all();
        var run = new IndicatorRun.Counter();
        for (SeriesKey key : series) {
            try {
                update(key, run);
            } catch (DataAccessException e) {
                log.warn("Indicators of {} not updated: {}", key, e.getMessage());
                run.skip(IndicatorRun.Skip.FAILED);
            }
        }
        IndicatorRun result = run.result(series.size());
        if (!series.isEmpty() && result.skipped(IndicatorRun.Skip.FAILED) == series.size()) {
            throw new IllegalStateException("the indicators of every one of the " + series.size() + " series failed: " + result);
        }
        return result;
    }

    /** One series: its new closed candles' indicators stored, or the reason it was skipped counted. */
    void update(SeriesKey key, IndicatorRun.Counter run) {
        Instant now = clock.instant();
        Optional<Instant> lastClosed = market.lastClosedIfFresh(key);
        if (lastClosed.isEmpty()) {
            run.skip(IndicatorRun.Skip.STALE);
            return;
        }
        Optional<Instant> lastStored = store.lastOpenTime(key, TimeframeSeries.PARAMETERS);
        int wanted = SnapshotRule.CANDLES - 1 + toCompute(key, lastStored, lastClosed.get());
        if (!(market.closedCandles(key, wanted) instanceof CandleRead.Fresh fresh)) {
            run.skip(IndicatorRun.Skip.STALE);
            return;
        }
        List<Candle> candles = fresh.candles().stream()
                .filter(candle -> !key.timeframe().closeOf(candle.openTime()).isAfter(now))
                .toList();
        if (candles.size() < TimeframeReading.WARM_UP) {
            run.skip(IndicatorRun.Skip.TOO_FEW_CANDLES);
            return;
        }
        // the whole history was read: a candle's window starts where it does; else only candles with a full window
        int first = fresh.candles().size() < wanted ? TimeframeReading.WARM_UP - 1 : SnapshotRule.CANDLES - 1;
        List<StoredReading> rows = new ArrayList<>();
        for (int i = first; i < candles.size(); i++) {
            if (lastStored.isPresent() && candles.get(i).openTime().isBefore(lastStored.get())) {
                continue;
            }
            IndicatorWindow window = IndicatorWindow.at(key.timeframe(), candles, i);
            rows.add(new StoredReading(window.lastOpenTime(), TimeframeSeries.PARAMETERS, window.size(), window.hash(),
                    window.compute(), now));
        }
        run.stored(store.upsert(key, rows));
    }

    /**
     * How many of the newest candles to compute: from the newest stored one (again) to the last closed one, at most
     * {@code backfill} (a series never stored, or off for long, gets its newest {@code backfill}). Counted by time, so
     * never fewer than the candles stored between them (a gap only makes it more).
     */
    private int toCompute(SeriesKey key, Optional<Instant> lastStored, Instant lastClosed) {
        if (lastStored.isEmpty() || lastStored.get().isAfter(lastClosed)) {
            return backfill;
        }
        long between = Duration.between(lastStored.get(), lastClosed).toMillis() / key.timeframe().duration().toMillis();
        return (int) Math.min(backfill, between + 1);
    }
}
