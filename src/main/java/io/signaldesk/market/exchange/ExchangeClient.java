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

    /**
     * Whether {@link #candlesSince} works: the exchange has a "candles from a start time" call, so history
     * for backtests can be fetched page by page.
     */
    default boolean pagesHistory() {
        return false;
    }

    /**
     * History pages: up to {@code limit} candles of the pair opening at or after {@code from}, oldest first
     * (the exchange's "candles since" call). The newest may still be forming; the caller decides what is
     * closed. An answer with fewer candles than asked means the exchange has no more after them (or none
     * in that span, e.g. before the pair was listed). Only where {@link #pagesHistory()}; elsewhere refused.
     */
    default List<Candle> candlesSince(Symbol symbol, Timeframe timeframe, Instant from, int limit) {
        throw new ExchangeFailure.Rejected(id().displayName() + " has no call for candles from a start time: "
                + "its history cannot be fetched page by page");
    }

    /**
     * The most candles one {@link #candlesSince} call serves: its history call's own limit, which may be below the
     * live call's ({@link ExchangeProfile#maxCandlesPerRequest()}, the default). A history fill pages by it and, after an
     * empty answer, moves on by exactly this window, so no candle is skipped unasked.
     */
    default int historyPageSize() {
        return profile().maxCandlesPerRequest();
    }

    BigDecimal lastPrice(Symbol symbol);

    /** The pairs tradable now in {@link #marketType()}, each with its tick size. */
    List<PairListing> listing();
}
