package io.signaldesk.portfolio.rebalance.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a plan is made from: the wallet, the target, the drift threshold in percentage points, the lot rules by asset
 * (a missing asset = no rule known; {@code null} = none known), the configured least trade in USDT ({@code null} = none)
 * and the fee rate (e.g. 0.001; {@code null} = no fee). Copied, so a caller's later change cannot alter a plan.
 *
 * @throws IllegalArgumentException for a missing wallet, target or threshold, a negative threshold or least trade, or a
 *                                  fee rate outside [0, 1)
 */
public record PlanInput(List<WalletAsset> wallet, Target target, BigDecimal driftThresholdPp, Map<String, Lot> lots,
                        BigDecimal minTradeUsdt, BigDecimal feeRate) {

    public PlanInput {
        wallet = List.copyOf(Objects.requireNonNull(wallet, "wallet"));
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(driftThresholdPp, "driftThresholdPp");
        if (driftThresholdPp.signum() < 0) {
            throw new IllegalArgumentException("negative drift threshold " + driftThresholdPp.toPlainString());
        }
        lots = lots == null ? Map.of() : Map.copyOf(lots);
        minTradeUsdt = minTradeUsdt == null ? BigDecimal.ZERO : minTradeUsdt;
        if (minTradeUsdt.signum() < 0) {
            throw new IllegalArgumentException("negative least trade " + minTradeUsdt.toPlainString());
        }
        feeRate = feeRate == null ? BigDecimal.ZERO : feeRate;
        if (feeRate.signum() < 0 || feeRate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("fee rate " + feeRate.toPlainString() + " is not in [0, 1)");
        }
    }
}
