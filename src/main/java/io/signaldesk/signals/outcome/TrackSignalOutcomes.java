package io.signaldesk.signals.outcome;

import io.signaldesk.market.MarketData;
import io.signaldesk.signals.run.SignalsProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Follows every open signal on the candles stored since, and closes those that reached an outcome. */
@Component
class TrackSignalOutcomes {


    private final SignalOutcomes signals;
    private final MarketData market;
    private final SignalsProperties properties;
    private final Clock clock;

    TrackSignalOutcomes(SignalOutcomes signals, MarketData market, SignalsProperties properties, Clock clock) {
        this.signals = signals;
        this.market = market;
        this.properties = properties;
        this.clock = clock;
    }

    /** Returns how many signals were closed. */
    int execute() {
        Instant now = clock.instant();
        int closed = 0;
        for (OpenSignal signal : signals.open()) {
            int withinHorizon = (int) (properties.signalHorizon().toMillis() / signal.series().timeframe().duration().toMillis()) + 2;
            var after = market.closedCandlesAfter(signal.series(), signal.candleOpenTime(), withinHorizon);
            Optional<Outcome> outcome = OutcomeJudge.judge(signal, after, now, properties.signalHorizon());
            if (outcome.isPresent() && signals.close(signal.id(), outcome.get())) {
                closed++;
            }
        }
        return closed;
    }
}
