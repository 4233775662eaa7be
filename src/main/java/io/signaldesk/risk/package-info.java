/**
 * Risk: the rules a signal must pass before it is issued, one policy class each, every verdict
 * recorded. API: {@link io.signaldesk.risk.RiskGate}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Risk")
package io.signaldesk.risk;
