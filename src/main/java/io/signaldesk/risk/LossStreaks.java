package io.signaldesk.risk;

import java.time.Instant;

/** Where a subscription's {@link LossStreak} is read from (the signal ledger implements it). */
public interface LossStreaks {

    /** The streak as of {@code now}: signals closed later are not counted. */
    LossStreak of(long subscriptionId, Instant now);
}
