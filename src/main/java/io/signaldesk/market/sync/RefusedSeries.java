package io.signaldesk.market.sync;

import io.signaldesk.market.SeriesKey;
import java.util.Map;

/** Told after each sync cycle which series the exchange refused outright, each with the exchange's reason. */
@FunctionalInterface
interface RefusedSeries {

    void afterCycle(Map<SeriesKey, String> refused);
}
