package io.signaldesk.market;

import io.signaldesk.market.sync.SyncCandles;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Syncs some series now, outside the 5-minute cycle: for an on-demand analysis of any pair. */
@Component
public class MarketRefresh {

    private final SyncCandles sync;

    MarketRefresh(SyncCandles sync) {
        this.sync = sync;
    }

    /** Fetches and stores the series' newest candles (each once); returns how many synced. */
    public int refresh(Set<SeriesKey> series) {
        return sync.sync(series);
    }
}
