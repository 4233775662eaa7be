/**
 * The one metrics implementation (issue 14, point 4) and the equity model: pure functions over {@link
 * io.signaldesk.backtest.Trade}s and {@link io.signaldesk.backtest.EquityPoint}s, no Spring, no state. Exposed as the
 * backtest module's named interface {@code metrics} so other modules (the reports) use these same figures.
 */
@org.springframework.modulith.NamedInterface("metrics")
package io.signaldesk.backtest.metrics;
