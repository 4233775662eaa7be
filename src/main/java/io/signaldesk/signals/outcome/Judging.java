package io.signaldesk.signals.outcome;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * How far an open signal has been judged, stored with it so that each run reads only the candles that
 * closed since ({@code signal.filled_at}, {@code judged_until}, {@code judged_close}).
 *
 * @param filledAt    {@code issued_at} for an entry at the market; for a limit entry the close of the candle in which
 *                    price first touched it after issue; null while not filled
 * @param judgedUntil the close of the last candle judged (the next one opens there); null before the first
 * @param lastClose   that candle's close (before the first, the signal candle's): the exit of an expiry, and the
 *                    side price was on for a gap across the entry
 */
record Judging(Instant filledAt, Instant judgedUntil, BigDecimal lastClose) {

    static final Judging NOT_STARTED = new Judging(null, null, null);

    boolean filled() {
        return filledAt != null;
    }

    /** Where judging goes on: at the issue, or where the last run stopped if that is later. */
    Instant resumeAt(Instant issuedAt) {
        return judgedUntil == null || judgedUntil.isBefore(issuedAt) ? issuedAt : judgedUntil;
    }
}
