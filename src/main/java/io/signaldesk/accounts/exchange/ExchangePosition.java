package io.signaldesk.accounts.exchange;

import io.signaldesk.market.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One open USDT-margined futures position on an exchange, in our own terms: one per pair and side (a hedge-mode account
 * may hold a long and a short of the same pair).
 *
 * @param pair          the market, e.g. {@code BTC/USDT} for Binance's {@code BTCUSDT} or OKX's {@code BTC-USDT-SWAP}
 * @param size          in base units (BTC), always positive; OKX's contracts are turned into base units with the
 *                      instrument's contract value
 * @param entry         the average entry price
 * @param mark          the exchange's mark price, or null when it sent none
 * @param leverage      the position's leverage (1 when the exchange sent none)
 * @param unrealizedPnl the exchange's unrealized profit (negative: loss) in USDT, or null when it sent none
 * @param updatedAt     when the exchange last changed it, or null when it does not say
 */
public record ExchangePosition(Symbol pair, Side side, BigDecimal size, BigDecimal entry, BigDecimal mark, BigDecimal leverage,
        BigDecimal unrealizedPnl, Instant updatedAt) {

    public enum Side {
        LONG, SHORT
    }

    /** The pair of a USDT-margined contract named as the exchanges write it ("BTCUSDT"); empty for any other. */
    public static java.util.Optional<Symbol> usdtPair(String contract) {
        return contract.endsWith("USDT") ? Symbol.fromListing(contract.substring(0, contract.length() - "USDT".length()), "USDT")
                : java.util.Optional.empty();
    }

    public ExchangePosition {
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(side, "side");
        if (size == null || size.signum() <= 0 || entry == null || entry.signum() <= 0) {
            throw new IllegalArgumentException("a position has a positive size and entry price");
        }
        mark = mark != null && mark.signum() > 0 ? mark : null;
        leverage = leverage == null || leverage.signum() <= 0 ? BigDecimal.ONE : leverage;
    }
}
