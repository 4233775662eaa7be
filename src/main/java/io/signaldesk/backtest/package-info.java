/**
 * Backtests and strategy validation: any {@link io.signaldesk.analysis.Analyst} replayed unchanged over
 * stored candles with the live snapshot rule, risk rules and outcome judge; one metrics implementation;
 * every result judged against a null baseline of random entries; {@code /backtest}; the nightly
 * {@code backtest.run} and {@code backtest.validate} jobs and what a verdict does to subscriptions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Backtests")
package io.signaldesk.backtest;
