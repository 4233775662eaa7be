package io.signaldesk.market;

import java.time.Instant;

/**
 * A series' sync state (the seeds' SyncStatus).
 *
 * @param lastClosedOpenTime  open time of the newest closed candle stored, or null
 * @param lastSuccessAt       when a sync last succeeded, or null
 * @param lastAttemptAt       when a sync was last tried, or null
 * @param lastError           the last attempt's error, null when it succeeded
 * @param consecutiveFailures failed attempts since the last success
 */
public record SeriesStatus(
        SeriesKey key,
        Instant lastClosedOpenTime,
        Instant lastSuccessAt,
        Instant lastAttemptAt,
        String lastError,
        int consecutiveFailures) {

    /** Fresh when the newest closed candle closed within two intervals of {@code now}. */
    public boolean freshAt(Instant now) {
        if (lastClosedOpenTime == null) {
            return false;
        }
        Instant lastClose = key.timeframe().closeOf(lastClosedOpenTime);
        return lastClose.isAfter(now.minus(key.timeframe().duration().multipliedBy(2)));
    }
}
