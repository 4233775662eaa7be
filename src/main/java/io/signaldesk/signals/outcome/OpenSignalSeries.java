package io.signaldesk.signals.outcome;

import io.signaldesk.market.RequiredSeries;
import io.signaldesk.market.SeriesKey;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Open signals need their series kept in sync, even when their subscription has ended. */
@Component
class OpenSignalSeries implements RequiredSeries {

    private final SignalOutcomes signals;

    OpenSignalSeries(SignalOutcomes signals) {
        this.signals = signals;
    }

    @Override
    public Set<SeriesKey> requiredSeries() {
        return signals.open().stream().map(OpenSignal::series).collect(Collectors.toSet());
    }
}
