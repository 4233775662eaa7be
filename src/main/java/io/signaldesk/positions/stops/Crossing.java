package io.signaldesk.positions.stops;

import java.math.BigDecimal;
import java.time.Instant;

/** A level crossed: which, at what price (the level's), and when (the close of the candle, or the last price's time). */
record Crossing(Level level, BigDecimal price, Instant at) {
}
