package io.signaldesk.accounts;

import io.signaldesk.market.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Market orders on an exchange account's spot wallet: the only orders SignalDesk ever sends, and only for a rebalance
 * its owner approved with a button (PRODUCT.md). The caller records each order, with a client order id unique beyond
 * its database (a random part), before it asks for it to be sent; that id makes a later {@link #lookup} unambiguous. The
 * exchange does not deduplicate a finished market order by it, so nothing is ever sent again: after a restart or an
 * unknown outcome the caller only looks the order up.
 * Keys are opened here for the one call and never leave the accounts module.
 */
public interface SpotTrading {

    /** Whether live orders may be sent for this account now, and when not, why (for the owner, never a secret). */
    LiveStatus liveStatus(long accountId);

    /** The exchange's rules for a spot pair (lot step, minimum quantity, minimum notional); empty when unknown. */
    Optional<SpotLot> lot(long accountId, Symbol pair);

    /** Sends one market order; never throws for an exchange or network fault, the result says what happened. */
    SpotOrderResult marketOrder(long accountId, SpotOrder order);

    /** What became of an order sent earlier under {@code clientOrderId} (after a restart or an unknown outcome). */
    SpotOrderResult lookup(long accountId, Symbol pair, String clientOrderId);

    /** Live orders allowed, or why not (the service forbids them, the owner did not turn them on, the key cannot trade, …). */
    sealed interface LiveStatus {
        record Allowed() implements LiveStatus {
        }

        record Off(String reason) implements LiveStatus {
        }
    }

    /**
     * A spot pair's order rules.
     *
     * @param step        the quantity increment (quantities are rounded down to it)
     * @param minQuantity the least quantity, zero when none
     * @param minNotional the least quantity × price in the quote asset, zero when none
     */
    record SpotLot(BigDecimal step, BigDecimal minQuantity, BigDecimal minNotional) {
    }

    enum Side {
        BUY, SELL
    }

    /** A market order of {@code quantity} of the pair's base asset. */
    record SpotOrder(Symbol pair, Side side, BigDecimal quantity, String clientOrderId) {
    }

    /** What became of an order. */
    sealed interface SpotOrderResult {

        /** Executed (fully or in part: {@code executedQuantity} says how much), with its fee. */
        record Filled(String exchangeOrderId, BigDecimal executedQuantity, BigDecimal quoteQuantity, BigDecimal fee, String feeAsset,
                      Instant at) implements SpotOrderResult {
        }

        /** The exchange refused it: nothing was executed. */
        record Rejected(String reason) implements SpotOrderResult {
        }

        /** No answer (a timeout, a 5xx): it may or may not have been executed; look it up before doing anything else. */
        record Unknown(String reason) implements SpotOrderResult {
        }

        /** A lookup: the exchange knows no order with that client order id (it was never received). */
        record NotFound() implements SpotOrderResult {
        }
    }
}
