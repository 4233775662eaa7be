package io.signaldesk.portfolio.rebalance;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code signaldesk.portfolio.rebalance.*} (the two crons are read by their jobs).
 *
 * @param expiry             how long a proposal may be approved (SIGNALDESK_REBALANCE_EXPIRY, 1h); then it expires, nothing done
 * @param requoteTolerance   Approve re-quotes instead of executing when a traded asset's price moved more than this many
 *                           percent since the proposal (SIGNALDESK_REBALANCE_REQUOTE_TOLERANCE, 1)
 * @param minTradeUsdt       the least trade in USDT, above the exchange's own minimum (SIGNALDESK_REBALANCE_MIN_TRADE, 10)
 * @param feeRate            the fee estimated per trade, a share of its notional (SIGNALDESK_REBALANCE_FEE_RATE, 0.001) and
 *                           charged on paper fills
 * @param defaultStep        the quantity step where the exchange's lot rules are not known (paper, live off), 0.00001
 * @param defaultMinNotional the least notional where the exchange's rules are not known, 5 USDT
 * @param maxHoldingsAge     an exchange account is never planned on a balance snapshot older than this (30m)
 * @param stuckAfter         a proposal left APPROVED or EXECUTING this long was interrupted: the sweep finishes it (5m)
 * @param maxPriceAge        a stored 1m candle prices an asset only when it closed within this (SIGNALDESK_REBALANCE_MAX_PRICE_AGE,
 *                           2m); else the exchange's last price is asked, and without it the asset has no price
 */
@ConfigurationProperties("signaldesk.portfolio.rebalance")
public record RebalanceProperties(Duration expiry, BigDecimal requoteTolerance, BigDecimal minTradeUsdt, BigDecimal feeRate,
                                  BigDecimal defaultStep, BigDecimal defaultMinNotional, Duration maxHoldingsAge, Duration stuckAfter,
                                  Duration maxPriceAge) {

    public RebalanceProperties {
        for (Duration each : new Duration[] {expiry, maxHoldingsAge, stuckAfter, maxPriceAge}) {
            if (each == null || each.isNegative() || each.isZero()) {
                throw new IllegalArgumentException("signaldesk.portfolio.rebalance.* durations must be positive, e.g. SIGNALDESK_REBALANCE_EXPIRY=1h");
            }
        }
        for (BigDecimal each : new BigDecimal[] {requoteTolerance, minTradeUsdt, feeRate, defaultStep, defaultMinNotional}) {
            if (each == null || each.signum() < 0) {
                throw new IllegalArgumentException("signaldesk.portfolio.rebalance.* amounts must be zero or more, e.g. SIGNALDESK_REBALANCE_MIN_TRADE=10");
            }
        }
        if (defaultStep.signum() == 0 || feeRate.compareTo(new BigDecimal("0.05")) > 0) {
            throw new IllegalArgumentException("signaldesk.portfolio.rebalance: the default step must be positive and the fee rate at most 0.05 (5 %)");
        }
    }

    /** How long a card's buttons answer: past the expiry, so a late press is told it expired (and recorded). */
    public Duration buttonLifetime() {
        return expiry.plus(Duration.ofDays(1));
    }
}
