/**
 * Market data: candles from six exchanges (XChange where it has the call, small REST adapters where
 * it has not) and the simulated exchange {@code sim}, stored in PostgreSQL with their freshness.
 *
 * <p>API: {@link io.signaldesk.market.MarketData} (read closed candles, fresh or not at all; last
 * price), {@link io.signaldesk.market.MarketInputs} (understand what a user typed: exchange, pair,
 * timeframes; a pair's {@link io.signaldesk.market.PairListing} with its tick size) and the {@link io.signaldesk.market.RequiredSeries} SPI through which other modules say
 * which series the sync job must keep fresh; {@link io.signaldesk.market.CandleHistory} (backtest history:
 * missing candles fetched page by page behind the live sync, or imported from CSV with
 * {@code --import-candles}, see {@code market.history}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Market data")
package io.signaldesk.market;
