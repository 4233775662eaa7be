/**
 * The signal flow's side of positions. It implements the signals module's ports, so signals never depends on positions
 * (positions → signals, checked by {@code ModularityTest}): {@link io.signaldesk.signals.OpenPositions} (a run skips pairs
 * where the owner has an open position; the risk gate counts the owner's open positions per bot) and
 * {@link io.signaldesk.signals.TakenSignals} ("I took it" opens a paper position from the signal and asks its size; its
 * buttons belong to {@code /signals}, which hands their presses back). "Already on the exchange" leaves a stand-in for
 * the exchange sync to link: {@link io.signaldesk.positions.AwaitingExchangeLink}.
 */
package io.signaldesk.positions.flow;
