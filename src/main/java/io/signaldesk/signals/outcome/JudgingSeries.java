package io.signaldesk.signals.outcome;

import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.SyncCapacity;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The finer series an open signal is judged on: its exchange's judging timeframe (the shortest it serves,
 * when that is at most 5 minutes: {@link SyncCapacity#judgingTimeframe}, which the sync's budget counts too)
 * when that is shorter than the signal's own. Judging on 1m
 * candles that open after the issue loses at most a minute to the first whole candle, where the
 * signal's own 4h candle would lose up to four hours; none of it counts price before the issue.
 */
@Component
class JudgingSeries {

    private final SyncCapacity capacity;

    JudgingSeries(SyncCapacity capacity) {
        this.capacity = capacity;
    }

    /** The finer series for a signal issued on {@code base}, or empty when the signal's own is the finest there is. */
    Optional<SeriesKey> finerThan(SeriesKey base) {
        return capacity.judgingTimeframe(base.exchange())
                .filter(finest -> finest.compareTo(base.timeframe()) < 0)
                .map(finest -> new SeriesKey(base.exchange(), base.marketType(), base.symbol(), finest));
    }
}
