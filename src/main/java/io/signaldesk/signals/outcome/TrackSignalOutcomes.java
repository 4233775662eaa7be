package io.signaldesk.signals.outcome;

import io.signaldesk.market.Candle;
import io.signaldesk.market.MarketData;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.signals.run.SignalsProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Follows every open signal on the candles stored since it was last judged, and closes those that reached
 * an outcome ({@link OutcomeJudge}). Each signal is judged on its finer series ({@link JudgingSeries})
 * when that series' stored candles reach back to where judging resumes; otherwise on its own timeframe,
 * from the first of its candles opening at or after that point (the minutes in between are not seen, never
 * counted from before the issue). Progress is stored, so a run reads only the candles closed since the last
 * one: a few 1m candles per signal every 5 minutes, not the whole horizon.
 */
@Component
class TrackSignalOutcomes {

    private final SignalOutcomes signals;
    private final JudgingSeries judgingSeries;
    private final MarketData market;
    private final SignalsProperties properties;
    private final Clock clock;

    TrackSignalOutcomes(SignalOutcomes signals, JudgingSeries judgingSeries, MarketData market, SignalsProperties properties,
                        Clock clock) {
        this.signals = signals;
        this.judgingSeries = judgingSeries;
        this.market = market;
        this.properties = properties;
        this.clock = clock;
    }

    /** Returns how many signals were closed. */
    int execute() {
        Instant now = clock.instant();
        int closed = 0;
        for (OpenSignal signal : signals.open()) {
            Instant resumeAt = signal.judging().resumeAt(signal.issuedAt());
            SeriesKey series = signal.series();
            List<Candle> candles = List.of();
            Optional<SeriesKey> finer = judgingSeries.finerThan(signal.series());
            if (finer.isPresent()) {
                candles = candlesFrom(finer.get(), resumeAt);
                series = reachesBack(candles, resumeAt) ? finer.get() : series;
            }
            if (series.equals(signal.series())) {
                candles = candlesFrom(series, resumeAt);
            }
            Judgement judgement = OutcomeJudge.judge(signal, signal.judging(), series.timeframe(), candles, now,
                    properties.signalHorizon());
            switch (judgement) {
                case Judgement.Closed done when signals.close(signal.id(), done.outcome(), done.judging()) -> closed++;
                case Judgement.Closed lost -> { } // closed meanwhile by another run
                case Judgement.Open open when !open.judging().equals(signal.judging()) -> signals.progress(signal.id(), open.judging());
                case Judgement.Open unchanged -> { }
            }
        }
        return closed;
    }

    /** Closed candles from the one in progress at {@code from} on (it is skipped by the judge if it opened before). */
    private List<Candle> candlesFrom(SeriesKey series, Instant from) {
        int withinHorizon = (int) (properties.signalHorizon().toMillis() / series.timeframe().duration().toMillis()) + 2;
        return market.closedCandlesAfter(series, from.minus(series.timeframe().duration()), withinHorizon);
    }

    private static boolean reachesBack(List<Candle> candles, Instant from) {
        return !candles.isEmpty() && !candles.getFirst().openTime().isAfter(from);
    }
}
