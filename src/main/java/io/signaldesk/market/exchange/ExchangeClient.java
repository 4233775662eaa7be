package io.signaldesk.market.exchange;

import io.signaldesk.market.Candle;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketType;
import io.signaldesk.market.PairListing;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The narrow port to one exchange's public market data, in our own types only: an adapter's DTOs
 * never leave it. Every method may throw an {@link ExchangeFailure}.
 */
public interface ExchangeClient {

    ExchangeProfile profile();

    default ExchangeId id() {
        return profile().id();
    }

    default MarketType marketType() {
        return profile().marketType();
    }

    /**
     * Up to {@code limit} candles of the pair, oldest first, the newest opening at or before
     * {@code end} (null: now). The newest may still be forming; the caller decides what is closed.
     */
    List<Candle> candles(Symbol symbol, Timeframe timeframe, Instant end, int limit);

    BigDecimal lastPrice(Symbol symbol);

    /** The pairs tradable now in {@link #marketType()}, each with its tick size. */
    List<PairListing> listing();
}
