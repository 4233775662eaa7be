package io.signaldesk.portfolio.rebalance.plan;

import java.math.BigDecimal;
import java.util.List;

/** A wallet's value in USDT and each asset's share of it, largest first. */
public record Allocation(BigDecimal totalUsdt, List<Share> shares) {
}
