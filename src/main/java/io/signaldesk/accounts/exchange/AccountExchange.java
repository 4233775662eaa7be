package io.signaldesk.accounts.exchange;

import io.signaldesk.market.ExchangeId;
import java.util.List;

/**
 * The narrow port to one exchange's private (signed) account API, in our own types only: an adapter's DTOs and its
 * signing never leave it. Every method may throw an {@link AccountFailure}; none ever puts a key, a secret or a
 * signature into a message, a log line or an exception.
 */
public interface AccountExchange {

    ExchangeId exchange();

    /** Whether a key of this exchange comes with a passphrase (OKX, Bitget). */
    boolean needsPassphrase();

    /**
     * Proves the key works with one read call and reads its permissions where the exchange reports them. A wrong key,
     * a wrong secret or passphrase, a revoked or expired key: {@link AccountFailure.KeyRejected}.
     */
    KeyPermissions verify(ApiCredentials credentials);

    /** Every wallet's non-zero balances (spot and, where offered, USDT-margined futures). */
    List<WalletBalance> balances(ApiCredentials credentials);

    /**
     * Whether {@link #positions} can read this exchange's USDT-margined futures positions: Binance (USD-M), Bybit
     * (linear), OKX (USDT swaps), Bitget (USDT-FUTURES). Kraken's and HTX's adapters are spot only: they do not.
     */
    default boolean offersPositions() {
        return false;
    }

    /**
     * The account's open USDT-margined futures positions (non-zero only). An exchange without them ({@link
     * #offersPositions()} false) throws {@link UnsupportedOperationException}: asking it is a mistake, and an empty
     * list would read as "everything was closed".
     */
    default List<ExchangePosition> positions(ApiCredentials credentials) {
        throw new UnsupportedOperationException(exchange().displayName() + ": no futures positions are read from this exchange");
    }
}
