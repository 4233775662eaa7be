package io.signaldesk.signals.outcome;

import io.signaldesk.market.RequiredSeries;
import io.signaldesk.market.SeriesKey;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Open signals need their series kept in sync, even when their subscription has ended: the finer series
 * they are judged on ({@link JudgingSeries}) and their own timeframe's (its signal candle decides market or limit entry, and
 * it is the fallback where the finer one's history does not reach back to the issue). One finer series per pair and exchange, however many signals.
 */
@Component
class OpenSignalSeries implements RequiredSeries {

    private final SignalOutcomes signals;
    private final JudgingSeries judging;

    OpenSignalSeries(SignalOutcomes signals, JudgingSeries judging) {
        this.signals = signals;
        this.judging = judging;
    }

    @Override
    public Set<SeriesKey> requiredSeries() {
        Set<SeriesKey> series = new HashSet<>();
        for (OpenSignal signal : signals.open()) {
            series.add(signal.series());
            judging.finerThan(signal.series()).ifPresent(series::add);
        }
        return series;
    }
}
