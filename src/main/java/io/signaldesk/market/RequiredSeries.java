package io.signaldesk.market;

import java.util.Set;

/**
 * SPI: a module that needs candle series kept fresh (e.g. subscriptions) implements this; the sync
 * job asks every implementation each cycle and fetches each distinct series once.
 */
public interface RequiredSeries {

    Set<SeriesKey> requiredSeries();
}
