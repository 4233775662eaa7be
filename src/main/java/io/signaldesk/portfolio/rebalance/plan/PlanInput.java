package io.signaldesk.portfolio.rebalance.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a plan is made from: the wallet, the target, the drift threshold in percentage points, the lot rules by asset
 * (a missing asset = no rule known), the configured least trade in USDT and the fee rate (e.g. 0.001).
 */
public record PlanInput(List<WalletAsset> wallet, Target target, BigDecimal driftThresholdPp, Map<String, Lot> lots,
                        BigDecimal minTradeUsdt, BigDecimal feeRate) {
}
