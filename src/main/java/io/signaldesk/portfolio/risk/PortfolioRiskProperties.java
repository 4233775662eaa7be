package io.signaldesk.portfolio.risk;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code signaldesk.portfolio.risk.*} (the cron itself is read by {@link AnalyzeRiskJob}).
 *
 * @param maxPriceAge    a run whose oldest mark is older than this is stale (SIGNALDESK_RISK_MAX_PRICE_AGE, 10m: two
 *                       {@code positions.update} periods)
 * @param maxEquityAge   a run on an exchange account whose last good balance sync is older than this is stale
 *                       (SIGNALDESK_RISK_MAX_EQUITY_AGE, 30m: two {@code account.sync-balances} periods); a paper
 *                       account's equity is configured, never stale
 * @param alertLifetime  how long an alert may wait in the outbox before it is dropped (SIGNALDESK_RISK_ALERT_LIFETIME, 6h)
 * @param buttonLifetime how long the alert's buttons work (SIGNALDESK_RISK_BUTTON_LIFETIME, 24h)
 */
@ConfigurationProperties("signaldesk.portfolio.risk")
record PortfolioRiskProperties(Duration maxPriceAge, Duration maxEquityAge, Duration alertLifetime, Duration buttonLifetime) {

    PortfolioRiskProperties {
        for (Duration each : new Duration[] {maxPriceAge, maxEquityAge, alertLifetime, buttonLifetime}) {
            if (each == null || each.isNegative() || each.isZero()) {
                throw new IllegalArgumentException("signaldesk.portfolio.risk.* ages and lifetimes must be positive durations, e.g. 10m");
            }
        }
    }
}
