package io.signaldesk.risk;

import java.time.Instant;

/**
 * What the rules are checked against, as of {@code now}.
 *
 * @param openPositions     signals of the subscription still open (not yet at target, stop or expiry)
 * @param consecutiveLosses losses in a row among its latest closed signals (of the last day)
 * @param tradesToday       signals it issued since the start of today (in the jobs' time zone)
 * @param lastSignalAt      when it last issued a signal, or null
 */
public record RiskContext(int openPositions, int consecutiveLosses, int tradesToday, Instant lastSignalAt, Instant now) {
}
