package io.signaldesk.portfolio.rebalance.plan;

import java.math.BigDecimal;

/** One asset held: its quantity and its price in USDT ({@code null} = unpriced; USDT itself is priced 1). */
public record WalletAsset(String asset, BigDecimal quantity, BigDecimal priceUsdt) {
}
