package io.signaldesk.accounts.exchange;

import java.math.BigDecimal;

/**
 * One asset's balance in one wallet of an account.
 *
 * @param total what the asset amounts to in the wallet: free plus locked; for a USDT-margined futures wallet its
 *              margin balance (wallet balance plus unrealized profit and loss)
 */
public record WalletBalance(Wallet wallet, String asset, BigDecimal total) {

    public enum Wallet {
        SPOT, FUTURES, UNIFIED, FUNDING
    }
}
