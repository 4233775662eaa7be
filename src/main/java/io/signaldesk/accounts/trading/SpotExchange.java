package io.signaldesk.accounts.trading;

import io.signaldesk.accounts.SpotTrading.SpotLot;
import io.signaldesk.accounts.SpotTrading.SpotOrder;
import io.signaldesk.accounts.SpotTrading.SpotOrderResult;
import io.signaldesk.accounts.exchange.ApiCredentials;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import java.util.Optional;

/**
 * One exchange's live spot orders, the key given for the one call. Never throws for an exchange or network fault: the
 * result says what happened, and a fault that leaves the order's fate open is {@link SpotOrderResult.Unknown}. Never
 * retries an order.
 */
public interface SpotExchange {

    ExchangeId exchange();

    /** The pair's lot rules from the exchange's public metadata; empty when the exchange cannot be read or lists no such pair. */
    Optional<SpotLot> lot(Symbol pair);

    SpotOrderResult marketOrder(ApiCredentials credentials, SpotOrder order);

    SpotOrderResult lookup(ApiCredentials credentials, Symbol pair, String clientOrderId);
}
