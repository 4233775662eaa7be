/**
 * Charts: PNG images for chat messages (XChart), drawn from candles and price levels the caller
 * supplies. It reads nothing itself.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Charts")
package io.signaldesk.charts;
