/**
 * Risk: the rules a signal must pass before it is issued, one policy class each, every verdict
 * recorded. API: {@link io.signaldesk.risk.RiskGate}, {@link io.signaldesk.risk.LossStreak} and the
 * {@link io.signaldesk.risk.LossStreaks} SPI (a subscription's losses in a row, read from the signal ledger).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Risk")
package io.signaldesk.risk;
