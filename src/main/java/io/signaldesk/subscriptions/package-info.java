/**
 * Subscriptions: chats' subscriptions to signal bots (exchange, pairs, timeframes, schedule, risk
 * rules), made and changed by chat commands ({@code commands}); a subscription delivers to the chat it
 * was made in. It tells the market module which candle series are needed, hands due runs to the signal
 * engine, and pauses the subscriptions of a chat that refuses the bot or of a pair its exchange no longer
 * lists; it names the subscriptions whose platform has no sender in this deployment.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Subscriptions")
package io.signaldesk.subscriptions;
