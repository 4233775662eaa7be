package io.signaldesk.signals.outcome;

import io.signaldesk.backtest.LiveJudge;
import io.signaldesk.market.Candle;
import io.signaldesk.market.Timeframe;
import io.signaldesk.signals.run.SignalsProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The live {@link OutcomeJudge}, with the live signal horizon, for backtests ({@link LiveJudge}): one judge for live
 * signals and replayed ones. A replayed signal starts like a live one ({@link OutcomeJudge#atIssue} from its signal
 * candle's close and the tick size) and is judged in one run over the history after it, the history's end standing for
 * "now".
 */
@Component
public final class BacktestJudge implements LiveJudge {

    private final Duration horizon;

    @Autowired
    BacktestJudge(SignalsProperties properties) {
        this(properties.signalHorizon());
    }

    /** For tests outside this module: the live judge with a given horizon. */
    public BacktestJudge(Duration horizon) {
        this.horizon = horizon;
    }

    @Override
    public Duration horizon() {
        return horizon;
    }

    @Override
    public Judged judge(Signal signal, Timeframe timeframe, List<Candle> candles, Instant dataEnd) {
        // the judge reads levels and times only: no stored signal, no series
        var open = new OpenSignal(0, null, timeframe.openOf(signal.issuedAt().minusMillis(1)), signal.side(), signal.entry(),
                signal.stopLoss(), signal.takeProfits(), signal.issuedAt(), Judging.NOT_STARTED);
        Judging start = OutcomeJudge.atIssue(open, signal.signalClose(), signal.tickSize());
        boolean atMarket = start.filled();
        return switch (OutcomeJudge.judge(open, start, timeframe, candles, dataEnd, horizon)) {
            case Judgement.Closed closed -> new Judged(closed.outcome().status(), atMarket, closed.judging().filledAt(),
                    closed.outcome().closedAt(), closed.outcome().exitPrice(), closed.outcome().rMultiple(), closed.judging().lastClose());
            case Judgement.Open still -> new Judged(null, atMarket, still.judging().filledAt(), null, null, null,
                    still.judging().lastClose());
        };
    }
}
