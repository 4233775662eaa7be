package io.signaldesk.backtest.baseline;

import io.signaldesk.analysis.Action;
import io.signaldesk.backtest.Trade;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Hourly decision times from 2024-01-01 and an outcome chosen by the test for each (time index, side); null for an
 * entry that never filled. Records every entry it was asked for.
 */
final class FakeEntrySimulator implements EntrySimulator {

    interface Outcome {
        Double netR(int timeIndex, Action side);
    }

    record Entry(Instant at, Action side, double stopFraction, double rewardRisk) {
    }

    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private final List<Instant> times;
    private final Outcome outcome;
    final List<Entry> entries = new ArrayList<>();

    FakeEntrySimulator(int times, Outcome outcome) {
        this.times = IntStream.range(0, times).mapToObj(i -> START.plus(Duration.ofHours(i))).toList();
        this.outcome = outcome;
    }

    @Override
    public List<Instant> decisionTimes() {
        return times;
    }

    @Override
    public Trade enter(Instant decidedAt, Action side, double stopFraction, double rewardRisk) {
        entries.add(new Entry(decidedAt, side, stopFraction, rewardRisk));
        Double netR = outcome.netR(times.indexOf(decidedAt), side);
        Instant closedAt = decidedAt.plus(Duration.ofHours(1));
        if (netR == null) {
            return new Trade(side, decidedAt, 100, 99, 102, null, Double.NaN, "NOT_FILLED", closedAt, Double.NaN,
                    Double.NaN, Double.NaN);
        }
        return new Trade(side, decidedAt, 100, 99, 102, decidedAt, 100, netR > 0 ? "TAKE_PROFIT" : "STOP_LOSS", closedAt,
                Double.NaN, netR, netR);
    }
}
