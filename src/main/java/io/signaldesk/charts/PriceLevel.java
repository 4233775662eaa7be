package io.signaldesk.charts;

import java.math.BigDecimal;

/** A horizontal line across a chart: entry, stop-loss or a target. */
public record PriceLevel(String label, BigDecimal price, Kind kind) {

    public enum Kind {
        ENTRY, STOP, TARGET
    }
}
