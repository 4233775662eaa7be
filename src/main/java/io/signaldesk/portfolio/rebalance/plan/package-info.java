/**
 * The rebalancing plan, pure: a wallet and a target in, trades out ({@link io.signaldesk.portfolio.rebalance.plan.RebalancePlanner}),
 * and the owner's explicit weights read from text ({@link io.signaldesk.portfolio.rebalance.plan.TargetParser}).
 */
package io.signaldesk.portfolio.rebalance.plan;
