/**
 * Subscriptions: users, their chat identities and their subscriptions to signal bots (exchange,
 * pairs, timeframes, schedule, risk rules). So far it tells the market module which candle series
 * the active subscriptions need.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Subscriptions")
package io.signaldesk.subscriptions;
