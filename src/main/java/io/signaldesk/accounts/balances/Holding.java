package io.signaldesk.accounts.balances;

import java.math.BigDecimal;

/**
 * One asset in one wallet of a snapshot.
 *
 * @param priceUsdt its price in USDT, null when it could not be priced (dust: listed, not counted)
 * @param valueUsdt amount × price, null when unpriced
 */
record Holding(String wallet, String asset, BigDecimal amount, BigDecimal priceUsdt, BigDecimal valueUsdt) {

    boolean priced() {
        return valueUsdt != null;
    }
}
