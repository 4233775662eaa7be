/**
 * Exchange accounts: a user's exchange API keys, connected in a private chat ({@code /keys}), verified with one read
 * call and refused when they can withdraw, stored encrypted ({@link io.signaldesk.secrets.SecretBox}, bound to their
 * row); balances through signed account adapters ({@code accounts.exchange}, their own rate limiter and circuit
 * breaker per exchange, apart from public market data); open futures positions for the positions sync
 * ({@link io.signaldesk.accounts.AccountPositionsReader}, the keys opened here only); the {@code account.sync-balances} job and its balance history;
 * {@code /balance}; a paper account per user for anyone without keys; and live spot market orders for an approved
 * rebalance ({@link io.signaldesk.accounts.SpotTrading}, {@code accounts.trading}: Binance spot through XChange's trade
 * service), only where the service allows them ({@code SIGNALDESK_LIVE_TRADING}) and the owner turned them on
 * ({@code /keys live on <exchange>}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exchange accounts")
package io.signaldesk.accounts;
