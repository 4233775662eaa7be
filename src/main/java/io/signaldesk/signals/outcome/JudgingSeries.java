package io.signaldesk.signals.outcome;

import io.signaldesk.market.MarketData;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.Timeframe;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The finer series an open signal is judged on: the shortest timeframe its exchange serves, when that is
 * at most {@link #FINEST_CEILING} (5 minutes) and shorter than the signal's own. Judging on 1m
 * candles that open after the issue loses at most a minute to the first whole candle, where the
 * signal's own 4h candle would lose up to four hours; none of it counts price before the issue.
 */
@Component
class JudgingSeries {

    static final Timeframe FINEST_CEILING = Timeframe.M5;

    private final MarketData market;

    JudgingSeries(MarketData market) {
        this.market = market;
    }

    /** The finer series for a signal issued on {@code base}, or empty when the signal's own is the finest there is. */
    Optional<SeriesKey> finerThan(SeriesKey base) {
        Timeframe finest = market.finestTimeframe(base.exchange());
        boolean finer = finest.compareTo(base.timeframe()) < 0 && finest.compareTo(FINEST_CEILING) <= 0;
        return finer ? Optional.of(new SeriesKey(base.exchange(), base.marketType(), base.symbol(), finest)) : Optional.empty();
    }
}
