package io.signaldesk.portfolio.rebalance.plan;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One asset held: its quantity (0 for a target asset not held, never negative) and its price in USDT ({@code null} =
 * unpriced; USDT itself is priced 1). A price of 0 or under is no price (an exchange's placeholder for a pair without
 * trades): it is kept as {@code null}, so the plan says {@link Plan.Unpriced} instead of dividing by it.
 *
 * @throws IllegalArgumentException for a blank asset or a missing or negative quantity
 */
public record WalletAsset(String asset, BigDecimal quantity, BigDecimal priceUsdt) {

    public WalletAsset {
        if (asset == null || asset.isBlank()) {
            throw new IllegalArgumentException("a wallet asset needs a name");
        }
        Objects.requireNonNull(quantity, () -> asset + ": quantity missing (0 when not held)");
        if (quantity.signum() < 0) {
            throw new IllegalArgumentException(asset + ": negative quantity " + quantity.toPlainString());
        }
        if (priceUsdt != null && priceUsdt.signum() <= 0) {
            priceUsdt = null;
        }
    }
}
