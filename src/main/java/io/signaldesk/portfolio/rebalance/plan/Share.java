package io.signaldesk.portfolio.rebalance.plan;

import java.math.BigDecimal;

/** One asset's part of an allocation: its value in USDT and its percent of the total (2 decimals). */
public record Share(String asset, BigDecimal valueUsdt, BigDecimal percent) {
}
