package io.signaldesk.risk;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A subscription's current run of losses: its closed signals taken in order of closing, counting the
 * stop-losses since its last take-profit (a win resets the streak). Expired and not-filled signals are
 * neither: they neither extend nor reset it.
 *
 * @param losses     stop-losses since the last take-profit
 * @param lastLossAt when the newest of them closed, null when there is none
 */
public record LossStreak(int losses, Instant lastLossAt) {

    public static final LossStreak NONE = new LossStreak(0, null);

    /**
     * Until when new signals are held: {@code pause} after the last loss, once the streak has reached
     * {@code limit}; empty below the limit. The streak itself is not forgotten when the pause ends: signals
     * go out again (as many as the other rules allow, not one), and the next loss to close blocks again for
     * a whole pause from that loss.
     */
    public Optional<Instant> pausedUntil(int limit, Duration pause) {
        return losses >= limit && lastLossAt != null ? Optional.of(lastLossAt.plus(pause)) : Optional.empty();
    }
}
