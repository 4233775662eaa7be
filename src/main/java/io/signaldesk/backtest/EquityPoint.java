package io.signaldesk.backtest;

import java.time.Instant;

/** The strategy's equity and buy-and-hold's at one moment, both starting at 1.0. */
public record EquityPoint(Instant at, double equity, double buyAndHold) {
}
