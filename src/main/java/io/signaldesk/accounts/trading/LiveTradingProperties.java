package io.signaldesk.accounts.trading;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code signaldesk.accounts.live-trading.*}: whether this service may send live orders at all.
 *
 * @param enabled      {@code SIGNALDESK_LIVE_TRADING}, false by default: no account's rebalance ever reaches an exchange
 *                     until the operator sets it, and then only for the accounts whose owner turned live orders on
 * @param lotRulesTtl  how long an exchange's pair rules (lot step, minimums) are kept before they are read again (1 h)
 */
@ConfigurationProperties("signaldesk.accounts.live-trading")
public record LiveTradingProperties(boolean enabled, Duration lotRulesTtl) {

    public LiveTradingProperties {
        lotRulesTtl = lotRulesTtl == null ? Duration.ofHours(1) : lotRulesTtl;
        if (lotRulesTtl.isNegative() || lotRulesTtl.isZero()) {
            throw new IllegalArgumentException("signaldesk.accounts.live-trading.lot-rules-ttl must be positive, e.g. 1h");
        }
    }
}
