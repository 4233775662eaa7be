package io.signaldesk.portfolio.rebalance.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The exchange's lot rules and the configured least trade: a quantity is rounded DOWN to its asset's lot step (to
 * {@value #UNKNOWN_STEP_SCALE} decimals when no rule is known), and a trade is made only when its quantity reaches the
 * lot's least quantity and its notional reaches max(the lot's least notional, the least trade).
 */
record TradeSizing(Map<String, Lot> lots, BigDecimal minTradeUsdt) {

    static final int UNKNOWN_STEP_SCALE = 8;

    BigDecimal roundDown(String asset, BigDecimal quantity) {
        Lot lot = lots.get(asset);
        if (lot == null || lot.step() == null || lot.step().signum() <= 0) {
            return quantity.setScale(UNKNOWN_STEP_SCALE, RoundingMode.DOWN);
        }
        BigDecimal steps = quantity.divide(lot.step(), 0, RoundingMode.DOWN);
        return steps.multiply(lot.step());
    }

    boolean tradable(String asset, BigDecimal quantity, BigDecimal price) {
        if (quantity.signum() <= 0) {
            return false;
        }
        Lot lot = lots.get(asset);
        BigDecimal floor = minTradeUsdt == null ? BigDecimal.ZERO : minTradeUsdt;
        if (lot != null) {
            if (lot.minQuantity() != null && quantity.compareTo(lot.minQuantity()) < 0) {
                return false;
            }
            if (lot.minNotional() != null && lot.minNotional().compareTo(floor) > 0) {
                floor = lot.minNotional();
            }
        }
        return quantity.multiply(price).compareTo(floor) >= 0;
    }
}
