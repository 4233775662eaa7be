package io.signaldesk.portfolio.rebalance;

import io.signaldesk.accounts.SpotWallets;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@link WalletPrices} from the accounts module ({@link SpotWallets#priceUsdt}: stored candles, else the exchange's last price). */
@Component
class SpotWalletPrices implements WalletPrices {

    private final SpotWallets wallets;

    SpotWalletPrices(SpotWallets wallets) {
        this.wallets = wallets;
    }

    @Override
    public Optional<BigDecimal> usdt(long accountId, String asset) {
        return wallets.priceUsdt(accountId, asset);
    }
}
