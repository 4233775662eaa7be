package io.signaldesk.analysis;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.analysis.indicators.IndicatorStore;
import io.signaldesk.analysis.indicators.IndicatorWindow;
import io.signaldesk.analysis.indicators.StoredReading;
import io.signaldesk.analysis.technical.ReadingSource;
import io.signaldesk.analysis.technical.TimeframeReading;
import io.signaldesk.analysis.technical.TimeframeSeries;
import io.signaldesk.market.Candle;
import io.signaldesk.market.CandleRead;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketData;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * A series' indicators at its last closed candle: the values {@code market.update-indicators} stored when they are
 * current (stored for that candle, over the very same window of candles, with today's parameters), else computed now
 * with the same code. Either way the numbers are those the live technical analyst computes; the answer says which it
 * was. The technical analyst and the LLM prompt read their indicators through here ({@link ReadingSource}).
 */
@Component
public class Indicators implements ReadingSource {

    private static final Logger log = LoggerFactory.getLogger(Indicators.class);

    private final MarketData market;
    private final MarketInputs inputs;
    private final IndicatorStore store;
    private final Counter stored;
    private final Counter computed;

    Indicators(MarketData market, MarketInputs inputs, IndicatorStore store, MeterRegistry meters) {
        this.market = market;
        this.inputs = inputs;
        this.store = store;
        this.stored = meters.counter("signaldesk.indicators.read", "source", "stored");
        this.computed = meters.counter("signaldesk.indicators.read", "source", "computed");
    }

    /**
     * The indicators at the last candle of {@code timeframe} closed at or before {@code asOf} (never one still
     * forming), over the snapshot window an analysis at {@code asOf} reads; unavailable when the series is stale or has
     * fewer than {@value TimeframeReading#WARM_UP} closed candles.
     */
    public IndicatorValues latest(ExchangeId exchange, Symbol symbol, Timeframe timeframe, Instant asOf) {
        SeriesKey key = inputs.series(exchange, symbol, timeframe);
        if (!(market.snapshotCandles(key, asOf) instanceof CandleRead.Fresh fresh)) {
            String why = market.freshness(key) instanceof CandleRead.Stale stale ? stale.reason() : key + " went stale";
            return new IndicatorValues.Unavailable(key, "No fresh data: " + why);
        }
        if (fresh.candles().size() < TimeframeReading.WARM_UP) {
            return new IndicatorValues.Unavailable(key, "Too few candles on %s: %d of the %d the indicators need."
                    .formatted(timeframe, fresh.candles().size(), TimeframeReading.WARM_UP));
        }
        var window = new IndicatorWindow(timeframe, fresh.candles());
        Optional<TimeframeReading> storedReading = storedFor(key, window);
        TimeframeReading r = storedReading.orElseGet(window::compute);
        return new IndicatorValues.Current(key, window.lastOpenTime(),
                storedReading.isPresent() ? IndicatorValues.Source.STORED : IndicatorValues.Source.COMPUTED,
                TimeframeSeries.PARAMETERS, r.close(), r.rsi(), r.macd(), r.macdSignal(), r.macdHistogram(), r.bollingerUpper(),
                r.bollingerMiddle(), r.bollingerLower(), r.atr(), r.sma50(), r.ema20(), r.ema50());
    }

    /** The reading at the window's last candle: stored when current, else computed ({@link TimeframeReading#of}). */
    @Override
    public TimeframeReading reading(ExchangeId exchange, Symbol symbol, Timeframe timeframe, List<Candle> window) {
        var candles = new IndicatorWindow(timeframe, window);
        if (!candles.warmedUp()) {
            computed.increment();
            return candles.compute();
        }
        return storedFor(inputs.series(exchange, symbol, timeframe), candles).orElseGet(candles::compute);
    }

    /** The stored reading if it was computed over exactly these candles with today's parameters. */
    private Optional<TimeframeReading> storedFor(SeriesKey key, IndicatorWindow window) {
        Optional<StoredReading> row;
        try {
            row = store.find(key, window.lastOpenTime());
        } catch (DataAccessException e) {
            log.debug("Stored indicators of {} not readable, computed: {}", key, e.getMessage());
            row = Optional.empty();
        }
        Optional<TimeframeReading> current = row.filter(r -> r.computedOver(window, TimeframeSeries.PARAMETERS))
                .map(StoredReading::reading);
        (current.isPresent() ? stored : computed).increment();
        return current;
    }
}
