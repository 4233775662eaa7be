package io.signaldesk.risk;

import java.time.Instant;

/**
 * What the rules are checked against, as of {@code now}.
 *
 * @param openPositions the owner's open positions taken from the subscription's bot's signals (a backtest's replay counts
 *                      its own open trades)
 * @param lossStreak    its stop-losses since its last take-profit, and when the last one closed
 * @param tradesToday   signals it issued since the start of today (in the jobs' time zone)
 * @param lastSignalAt  when it last issued a signal, or null
 */
public record RiskContext(int openPositions, LossStreak lossStreak, int tradesToday, Instant lastSignalAt, Instant now) {
}
