package io.signaldesk.backtest.replay;

import io.signaldesk.analysis.Action;
import io.signaldesk.analysis.Analyst;
import io.signaldesk.analysis.MarketSnapshot;
import io.signaldesk.analysis.Proposal;
import io.signaldesk.market.Candle;
import io.signaldesk.market.Timeframe;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Candles and analysts written for the replay tests. */
public final class ReplayCandles {

    public static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

    private ReplayCandles() {
    }

    public static Candle candle(Timeframe timeframe, int index, String open, String high, String low, String close) {
        return new Candle(START.plus(timeframe.duration().multipliedBy(index)), new BigDecimal(open), new BigDecimal(high),
                new BigDecimal(low), new BigDecimal(close), BigDecimal.ONE);
    }

    /** Quiet candles around 100 (a 0.2 range), {@code count} of them from {@link #START}. */
    public static List<Candle> flat(Timeframe timeframe, int count) {
        List<Candle> candles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            candles.add(candle(timeframe, i, "100", "100.1", "99.9", "100"));
        }
        return candles;
    }

    /** A deterministic path: a slow sine with a drift, wide enough for stops and targets to be reached. */
    public static List<Candle> wave(Timeframe timeframe, int count) {
        List<Candle> candles = new ArrayList<>();
        double previous = 100;
        for (int i = 0; i < count; i++) {
            double close = 100 + 8 * Math.sin(i / 9.0) + 3 * Math.sin(i / 2.3) + i * 0.01;
            double high = Math.max(previous, close) + 0.6;
            double low = Math.min(previous, close) - 0.6;
            candles.add(new Candle(START.plus(timeframe.duration().multipliedBy(i)), price(previous), price(high), price(low),
                    price(close), BigDecimal.TEN));
            previous = close;
        }
        return candles;
    }

    private static BigDecimal price(double value) {
        return BigDecimal.valueOf(value).round(new MathContext(8));
    }

    /**
     * BUY (or SELL) at the base close with a 2 % stop and a target at 1.5 R, whenever {@code when} says so of the base
     * snapshot; counts its calls.
     */
    public static final class Scripted implements Analyst {

        private final String name;
        private final Action side;
        private final Predicate<MarketSnapshot> when;
        public int calls;

        public Scripted(String name, Action side, Predicate<MarketSnapshot> when) {
            this.name = name;
            this.side = side;
            this.when = when;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String version() {
            return "test-1";
        }

        @Override
        public Proposal analyze(MarketSnapshot snapshot) {
            calls++;
            List<Candle> base = snapshot.candles().firstEntry().getValue();
            if (base.isEmpty() || !when.test(snapshot)) {
                return Proposal.hold("Nothing to do.", name, version());
            }
            BigDecimal entry = base.getLast().close();
            int s = side == Action.BUY ? 1 : -1;
            BigDecimal risk = entry.multiply(new BigDecimal("0.02"));
            return new Proposal(side, 0.7, entry, entry.subtract(risk.multiply(BigDecimal.valueOf(s))),
                    List.of(entry.add(risk.multiply(new BigDecimal("1.5")).multiply(BigDecimal.valueOf(s)))), new BigDecimal("1.5"),
                    "Scripted " + side + ".", name, version());
        }
    }
}
