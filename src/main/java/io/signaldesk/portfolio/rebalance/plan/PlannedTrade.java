package io.signaldesk.portfolio.rebalance.plan;

import java.math.BigDecimal;

/** One market trade of the plan, always against USDT (pair = asset/USDT); fee in USDT. */
public record PlannedTrade(String asset, Side side, BigDecimal quantity, BigDecimal priceUsdt, BigDecimal notionalUsdt,
                           BigDecimal feeUsdt) {
}
