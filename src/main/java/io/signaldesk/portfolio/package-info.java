/**
 * Portfolio: how a user's accounts stand as a whole. Today the portfolio risk ({@code risk.analyze} every 30 minutes:
 * exposure, unrealized loss and concentration of each account against the owner's limits, a level per run, an alert
 * when the level becomes HIGH; {@code /risk portfolio}); and rebalancing ({@code rebalance}: targets, proposals approved with buttons, paper or live execution,
 * {@code portfolio.optimize} at 06:00, {@code /rebalance}). It reads accounts and
 * positions through their APIs and notifies through {@code notifications}; {@code /risk} shows it through the
 * subscriptions module's {@link io.signaldesk.subscriptions.RiskViewSection}, so subscriptions never depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portfolio")
package io.signaldesk.portfolio;
