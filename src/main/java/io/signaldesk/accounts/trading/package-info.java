/**
 * Live spot market orders for an approved rebalance: {@link io.signaldesk.accounts.trading.ExchangeSpotTrading}, the
 * implementation of {@link io.signaldesk.accounts.SpotTrading}. An order is sent only when {@link
 * io.signaldesk.accounts.trading.LiveOrdersCheck} finds nothing in the way (the service allows live orders,
 * {@code SIGNALDESK_LIVE_TRADING}; the owner turned them on, {@code /keys live on}; the key can trade and is still
 * accepted; the exchange has an adapter: Binance spot only, for now). Each exchange's adapter ({@link
 * io.signaldesk.accounts.trading.SpotExchange}; {@code binance.BinanceSpot} through XChange's Binance trade service) sits
 * behind our pace and a circuit breaker and is never retried ({@link io.signaldesk.accounts.trading.GuardedSpotExchange}).
 *
 * <h2>XChange here, our own signed client for the account reads</h2>
 * The account reads ({@code accounts.exchange}) sign their requests themselves, because XChange lacks their permission
 * calls and rescu logs signed URLs and headers at debug level. Orders are XChange's core business, so they go through its
 * trade service, with that risk handled: rescu's logger is pinned at info ({@code application.yml}); nothing here logs a
 * request, a key or a client exception's message (failures name the status and Binance's code and message only, scrubbed
 * of the key); XChange's retries and rate limiters are turned off on every exchange made, one per call with the key
 * opened for it. The one call xchange-binance 5.2.4 cannot make (an order looked up by client order id alone) is declared
 * for rescu beside it ({@code binance.BinanceSpotOrderQuery}) with XChange's own DTO, error type and signature.
 */
package io.signaldesk.accounts.trading;
