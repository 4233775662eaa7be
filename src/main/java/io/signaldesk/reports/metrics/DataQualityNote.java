package io.signaldesk.reports.metrics;

import java.time.LocalDate;

/**
 * A day on which a series a subscription follows had no usable data: its figures for that day are not zeros but unknown.
 *
 * @param exchange  e.g. {@code binance}
 * @param pair      e.g. {@code BTC/USDT}
 * @param timeframe e.g. {@code 1h}
 * @param gap       what was missing
 * @param detail    the exchange's last error when there was one (operator-facing text, may be null)
 */
public record DataQualityNote(LocalDate day, String exchange, String pair, String timeframe, DataGap gap, String detail) {

    /** What a day lacked. */
    public enum DataGap {
        /** No candle of the series opened that day (the exchange had no trades, or nothing was synced). */
        NO_CANDLES,
        /** Candles are missing for part of the day and the series' sync was failing: an exchange outage. */
        EXCHANGE_OUTAGE,
        /** Candles are missing for part of the day (fewer than the timeframe allows), with no failing sync on record. */
        PARTIAL_CANDLES
    }
}
