package io.signaldesk.positions.marking;

import io.signaldesk.market.CandleRead;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketData;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The freshest price of one market, read once: the close of the last closed 1m candle the sync stored when that series
 * is fresh, else of the last closed 5m one, else the exchange's last traded price asked now. Empty when none can be had
 * (an unknown market, an exchange that does not answer): callers then keep what they knew, never guess.
 */
@Component
public class FreshestPrice {

    private static final List<Timeframe> CANDLES = List.of(Timeframe.M1, Timeframe.M5);

    /** A price and when it was true: a candle's close time, or the moment the exchange was asked. */
    public record Mark(BigDecimal price, Instant at, boolean fromCandle) {
    }

    private final MarketData market;
    private final MarketInputs inputs;
    private final Clock clock;

    FreshestPrice(MarketData market, MarketInputs inputs, Clock clock) {
        this.market = market;
        this.inputs = inputs;
        this.clock = clock;
    }

    public Optional<Mark> of(String exchange, String pair) {
        try {
            return read(exchange, pair);
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private Optional<Mark> read(String exchange, String pair) {
        Optional<ExchangeId> id = ExchangeId.parse(exchange);
        Symbol symbol;
        try {
            symbol = Symbol.parse(pair);
        } catch (IllegalArgumentException notAPair) {
            return Optional.empty();
        }
        if (id.isEmpty()) {
            return Optional.empty();
        }
        for (Timeframe timeframe : CANDLES) {
            SeriesKey key = inputs.series(id.get(), symbol, timeframe);
            if (market.lastClosedIfFresh(key).isPresent()
                    && market.closedCandles(key, 1) instanceof CandleRead.Fresh fresh && !fresh.candles().isEmpty()) {
                var candle = fresh.candles().getLast();
                return Optional.of(new Mark(candle.close(), timeframe.closeOf(candle.openTime()), true));
            }
        }
        Instant asked = clock.instant();
        return market.lastPrice(id.get(), symbol).map(price -> new Mark(price, asked, false));
    }
}
