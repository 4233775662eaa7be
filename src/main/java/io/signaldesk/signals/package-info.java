/**
 * Signals: the SIGNALS_FUTURES flow. A tick claims due subscriptions, each run picks its pair,
 * analyses it, passes the risk gate, skips position setup, logs the run and issues a signal at most
 * once per subscription, pair and candle ({@link io.signaldesk.signals.SignalIssued}); a job follows
 * every open signal to its outcome, and {@link io.signaldesk.signals.TrackRecord} tells how they went. A new signal is
 * sent to its chat through the notifications module as kind {@code SIGNAL} ({@code delivery}: its message, chart, late
 * marking and expiry).
 * Positions come in through ports the positions module implements: {@link io.signaldesk.signals.OpenPositions} (pair
 * selection, the risk gate's open positions per bot) and {@link io.signaldesk.signals.TakenSignals} ("I took it").
 */
@org.springframework.modulith.ApplicationModule(displayName = "Signals")
package io.signaldesk.signals;
