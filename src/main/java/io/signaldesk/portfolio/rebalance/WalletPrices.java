package io.signaldesk.portfolio.rebalance;

import java.math.BigDecimal;
import java.util.Optional;

/** An asset's price in USDT now for an account's spot wallet (its exchange; the default market exchange for paper). */
interface WalletPrices {

    Optional<BigDecimal> usdt(long accountId, String asset);
}
