package io.signaldesk.market;

import java.math.BigDecimal;

/**
 * A pair as an exchange lists it: its symbol and its tick size, the price increment the exchange
 * accepts for orders on it (Binance {@code PRICE_FILTER.tickSize}, Bybit {@code priceFilter.tickSize},
 * OKX {@code tickSz}, Bitget {@code priceEndStep} at {@code pricePlace} decimals, HTX {@code price_tick},
 * Kraken one unit of {@code pair_decimals}; the simulated exchange its own).
 *
 * @param tickSize positive, or null when the listing does not say (then prices are not rounded)
 */
public record PairListing(Symbol symbol, BigDecimal tickSize) {

    public PairListing {
        if (tickSize != null && tickSize.signum() <= 0) {
            throw new IllegalArgumentException("a tick size is positive; got " + tickSize + " for " + symbol);
        }
        tickSize = tickSize == null ? null : tickSize.stripTrailingZeros();
    }

    /** A tick of {@code decimals} decimal places: 2 → 0.01. */
    public static BigDecimal tickOfDecimals(int decimals) {
        return BigDecimal.ONE.movePointLeft(decimals);
    }

    /** A listing whose tick size is a text that may be missing or malformed (then null: not rounded). */
    public static PairListing of(Symbol symbol, String tickSize) {
        try {
            BigDecimal tick = tickSize == null || tickSize.isBlank() ? null : new BigDecimal(tickSize.strip());
            return new PairListing(symbol, tick == null || tick.signum() <= 0 ? null : tick);
        } catch (NumberFormatException e) {
            return new PairListing(symbol, null);
        }
    }
}
