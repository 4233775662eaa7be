/**
 * The signed (private) account API of each exchange behind one narrow port, {@link
 * io.signaldesk.accounts.exchange.AccountExchange}: verify a key with one read call and read its permissions where the
 * exchange reports them; read its wallets' balances. {@link io.signaldesk.accounts.exchange.AccountExchanges} holds one
 * adapter per exchange (none for {@code sim}, which uses the paper account), each behind its own rate limiter, circuit
 * breaker and retry, apart from market data's.
 *
 * <h2>Why our own signed adapters, not XChange's account services</h2>
 * Checked on the jars in the build (xchange-binance 5.2.4, xchange-okex 5.2.3, xchange-kraken 5.2.2, rescu 3.1):
 * <ul>
 *   <li>The permission calls are missing: {@code BinanceAuthenticated} has no {@code /sapi/v1/account/apiRestrictions};
 *       OKX's {@code getOkexAccountConfiguration()} returns an {@code OkexAccountConfig} without the {@code perm} field;
 *       Kraken's API has no key-permission call at all. Bybit, Bitget and HTX modules are not in the build.</li>
 *   <li>rescu (XChange's HTTP layer) logs "Executing {} request at {}" with the whole URL (Binance's signature and
 *       timestamp are query parameters) and every request header with its value (the key, OKX's passphrase and
 *       signature) at debug level, and its exceptions ({@code AwareException}) carry the {@code RestInvocation} with
 *       its invocation URL: one changed log level or one logged exception would put a signed URL in a log.</li>
 *   <li>An XChange {@code Exchange} holds one key in its {@code ExchangeSpecification}: one object, with its own
 *       resilience registries, per user key, where we want one rate limiter and one circuit breaker per exchange for
 *       all users.</li>
 * </ul>
 * So each adapter signs its requests itself ({@link io.signaldesk.accounts.exchange.Hmac}) and sends them with the
 * JDK's HTTP client ({@link io.signaldesk.accounts.exchange.SignedHttp}), whose failures name the exchange, method,
 * path, status and the exchange's scrubbed error text only, never a URL, a query, a header or a client exception.
 * Exchange DTOs stay inside each adapter (JSON read field by field).
 */
package io.signaldesk.accounts.exchange;
