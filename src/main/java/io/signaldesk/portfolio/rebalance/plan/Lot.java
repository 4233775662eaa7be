package io.signaldesk.portfolio.rebalance.plan;

import java.math.BigDecimal;

/** The exchange's rules for one traded asset's pair ASSET/USDT: quantity step, least quantity, least notional in USDT. */
public record Lot(BigDecimal step, BigDecimal minQuantity, BigDecimal minNotional) {
}
