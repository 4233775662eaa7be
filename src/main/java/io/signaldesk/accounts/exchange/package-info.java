/**
 * The signed (private) account API of each exchange behind one narrow port, {@link
 * io.signaldesk.accounts.exchange.AccountExchange}: verify a key with one read call and read its permissions where the
 * exchange reports them; read its wallets' balances; read its open USDT-margined futures positions where it has them. {@link io.signaldesk.accounts.exchange.AccountExchanges} holds one
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
 *
 * <h2>What each exchange's adapter supports</h2>
 * <table>
 *   <caption>Signed account adapters</caption>
 *   <tr><th>exchange</th><th>verify (one read call) and permissions</th><th>balances</th><th>positions</th></tr>
 *   <tr><td>Binance</td><td>{@code /sapi/v1/account/apiRestrictions}: trade and withdraw YES / NO</td>
 *       <td>spot {@code /api/v3/account}; USD-M futures {@code /fapi/v3/balance} (skipped for a key without futures)</td>
 *       <td>USD-M {@code /fapi/v2/positionRisk}: side (amount's sign or hedge side), size, entry, mark, leverage,
 *       unrealized PnL, update time; no exit price</td></tr>
 *   <tr><td>Bybit</td><td>{@code /v5/user/query-api}: trade and withdraw YES / NO</td>
 *       <td>unified wallet (equity per coin); a classic account's contract and spot wallets</td>
 *       <td>linear {@code /v5/position/list} (USDT): side, size, entry, mark, leverage, unrealized PnL, update
 *       time; the exit only later in closed-pnl (not read)</td></tr>
 *   <tr><td>OKX</td><td>{@code /api/v5/account/config} {@code perm}: trade and withdraw YES / NO</td>
 *       <td>trading account (equity per currency) and funding account</td>
 *       <td>USDT swaps {@code /api/v5/account/positions}: side, size (contracts × ctVal), entry, mark, leverage,
 *       unrealized PnL, update time; the exit only later in positions-history (not read)</td></tr>
 *   <tr><td>Bitget</td><td>{@code /api/v2/spot/account/info} {@code authorities}: withdraw YES when named, else
 *       UNKNOWN with advice; trade YES / NO / UNKNOWN</td><td>spot and USDT-M futures (account equity)</td>
 *       <td>USDT-FUTURES {@code /api/v2/mix/position/all-position}: side, size, entry, mark, leverage, unrealized
 *       PnL, update time; the exit only later in history-position (not read)</td></tr>
 *   <tr><td>HTX</td><td>{@code /v2/user/uid} + {@code /v2/user/api-key}: trade and withdraw YES / NO</td>
 *       <td>spot only (USDT swaps' margin, on api.hbdm.com, not read)</td><td>none (spot only)</td></tr>
 *   <tr><td>Kraken</td><td>{@code /0/private/Balance}; no permission call exists: UNKNOWN, the user is told to check
 *       "Withdraw funds" in Kraken</td><td>spot (Kraken has no USDT-margined perpetuals)</td><td>none</td></tr>
 *   <tr><td>sim</td><td colspan="3">none: the simulated exchange uses the paper account</td></tr>
 * </table>
 */
package io.signaldesk.accounts.exchange;
