/**
 * Marking positions to market: {@code positions.update} reads one price per (exchange, pair) with an open position
 * ({@link io.signaldesk.positions.marking.FreshestPrice}: a fresh stored 1m or 5m candle, else the exchange's last
 * price) and writes the marks set-based; a market without a price keeps its positions' last mark and its time.
 */
package io.signaldesk.positions.marking;
