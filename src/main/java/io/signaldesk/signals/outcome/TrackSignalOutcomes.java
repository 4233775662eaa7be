package io.signaldesk.signals.outcome;

import io.signaldesk.market.Candle;
import io.signaldesk.market.MarketData;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.PairListing;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.signals.run.SignalsProperties;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Follows every open signal on the candles stored since it was last judged, and closes those that reached
 * an outcome ({@link OutcomeJudge}).
 *
 * <ul>
 *   <li><b>Start.</b> A signal not judged yet starts at {@link OutcomeJudge#atIssue}, from its stored signal
 *       candle's close and the pair's tick size ({@link MarketInputs#listing}): an entry at the market is
 *       filled at the issue, one away from it waits for the touch. That first step is stored with the
 *       progress, so the choice is made once.</li>
 *   <li><b>Series.</b> A signal is judged on its finer series ({@link JudgingSeries}) when that series'
 *       history reaches back to where judging resumes: its oldest stored candle opens at or before that
 *       point (one index lookup, before any candle is read). Minutes missing inside that history are minutes
 *       without trades, never a reason to switch series. Only when the finer history starts after the point
 *       to resume from is the signal's own timeframe used, from its first candle opening at or after that
 *       point (the minutes in between are not seen, never counted from before the issue).</li>
 * </ul>
 * Progress is stored, so a run reads only the candles closed since the last one: a few 1m candles per signal
 * every 5 minutes, not the whole horizon.
 */
@Component
class TrackSignalOutcomes {

    private final SignalOutcomes signals;
    private final JudgingSeries judgingSeries;
    private final MarketData market;
    private final MarketInputs inputs;
    private final SignalsProperties properties;
    private final Clock clock;

    TrackSignalOutcomes(SignalOutcomes signals, JudgingSeries judgingSeries, MarketData market, MarketInputs inputs,
                        SignalsProperties properties, Clock clock) {
        this.signals = signals;
        this.judgingSeries = judgingSeries;
        this.market = market;
        this.inputs = inputs;
        this.properties = properties;
        this.clock = clock;
    }

    /** Returns how many signals were closed. */
    int execute() {
        Instant now = clock.instant();
        int closed = 0;
        for (OpenSignal signal : signals.open()) {
            Judging start = signal.judging().equals(Judging.NOT_STARTED) ? atIssue(signal) : signal.judging();
            Instant resumeAt = start.resumeAt(signal.issuedAt());
            SeriesKey series = judgedOn(signal, resumeAt);
            Judgement judgement = OutcomeJudge.judge(signal, start, series.timeframe(), candlesFrom(series, resumeAt), now,
                    properties.signalHorizon());
            switch (judgement) {
                case Judgement.Closed done when signals.close(signal.id(), signal.judging(), done.outcome(), done.judging()) -> closed++;
                case Judgement.Closed lost -> { } // closed or judged further meanwhile by another run
                case Judgement.Open open when !open.judging().equals(signal.judging()) ->
                        signals.progress(signal.id(), signal.judging(), open.judging());
                case Judgement.Open unchanged -> { }
            }
        }
        return closed;
    }

    /** The first step of judging, from the stored signal candle's close and the pair's tick size. */
    private Judging atIssue(OpenSignal signal) {
        SeriesKey series = signal.series();
        BigDecimal signalClose = market.closedCandlesAfter(series, signal.candleOpenTime().minus(series.timeframe().duration()), 1)
                .stream().filter(candle -> candle.openTime().equals(signal.candleOpenTime())).findFirst()
                .map(Candle::close).orElse(null);
        BigDecimal tick = inputs.listing(series.exchange(), series.symbol()).map(PairListing::tickSize).orElse(null);
        return OutcomeJudge.atIssue(signal, signalClose, tick);
    }

    /** The finer series when its history reaches back to {@code resumeAt}, else the signal's own. */
    private SeriesKey judgedOn(OpenSignal signal, Instant resumeAt) {
        return judgingSeries.finerThan(signal.series())
                .filter(finer -> market.firstClosedOpenTime(finer).filter(first -> !first.isAfter(resumeAt)).isPresent())
                .orElse(signal.series());
    }

    /** Closed candles from the one in progress at {@code from} on (it is skipped by the judge if it opened before). */
    private List<Candle> candlesFrom(SeriesKey series, Instant from) {
        int withinHorizon = (int) (properties.signalHorizon().toMillis() / series.timeframe().duration().toMillis()) + 2;
        return market.closedCandlesAfter(series, from.minus(series.timeframe().duration()), withinHorizon);
    }
}
