package io.signaldesk.accounts.balances;

import io.signaldesk.market.ExchangeId;
import java.math.BigDecimal;
import java.util.Optional;

/** An asset's price in USDT on an exchange, for valuing balances; empty when it cannot be priced now. */
interface AssetPrices {

    Optional<BigDecimal> usdt(ExchangeId exchange, String asset);
}
