package io.signaldesk.market.sync;

import io.signaldesk.market.SeriesKey;
import java.util.Map;
import java.util.Set;

/** Told after each sync cycle which series the exchange refused outright, each with the exchange's reason. */
@FunctionalInterface
interface RefusedSeries {

    /** @param synced every series of the cycle, refused or not */
    void afterCycle(Map<SeriesKey, String> refused, Set<SeriesKey> synced);
}
