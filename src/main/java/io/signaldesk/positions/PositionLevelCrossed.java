package io.signaldesk.positions;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Price crossed a position's stop or one of its targets, seen for the first time ({@code positions.check-stops}
 * recorded it in {@code position_alert}, whose key admits one per position and level). Published in that transaction,
 * so the alert to the owner is written with the record or not at all.
 *
 * @param level     {@code STOP}, {@code TP1}, {@code TP2} or {@code TP3}
 * @param price     the level's price
 * @param crossedAt when it was crossed: the close of the candle that crossed it, or the time of the last price
 * @param pnl       the profit (negative: loss) at the level, in the quote currency (USDT)
 * @param r         the profit at the level in R; null when the position has no stop
 * @param closed    whether the position closed itself at the level (a paper position); an exchange position is only
 *                  alerted, and its owner answers "Closed it" or "Still open"
 */
public record PositionLevelCrossed(long positionId, long userId, int number, String pair, String side, String level,
                                   BigDecimal price, Instant crossedAt, BigDecimal pnl, BigDecimal r, boolean closed) {

    /** The catalog command whose presses answer the alert's buttons ({@code /stops}). */
    public static final String BUTTON_COMMAND = "stops";

    /** The button payload of "Closed it": the close is recorded at the level. */
    public String closedItPayload() {
        return "closed|" + positionId + "|" + level;
    }

    /** The button payload of "Still open": acknowledged, nothing changes. */
    public String stillOpenPayload() {
        return "open|" + positionId + "|" + level;
    }
}
