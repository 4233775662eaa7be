package io.signaldesk.analysis.technical;

import io.signaldesk.market.Candle;
import io.signaldesk.market.Timeframe;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Deterministic, realistic-looking 30m candles for benchmarks and agreement tests, no exchange and no database:
 * a seeded random walk of log returns whose volatility (0.3 % to 1.2 % per 30 minutes, about ETH's) and drift
 * change in regimes of a few days, so the series has trends, ranges and quiet and wild spells; each candle's
 * high and low stick out of its body by a random part of that volatility; volume is log-normal. 1h and 4h
 * candles are aggregated from the 30m ones (first open, highest high, lowest low, last close, summed volume),
 * exactly as an exchange does. Candles open on multiples of their timeframe since the epoch.
 *
 * @param candles  30m, 1h and 4h candles, oldest first, from {@code start} (warm-up included)
 * @param closes   the 30m closes to decide at: every one from {@code from} on
 */
public record SeededCandles(SortedMap<Timeframe, List<Candle>> candles, List<Instant> closes) {

    /** The base timeframe and the two the analyst reads above it. */
    public static final List<Timeframe> TIMEFRAMES = List.of(Timeframe.M30, Timeframe.H1, Timeframe.H4);

    /**
     * {@code days} of decisions from 2025-01-01T00:00Z, with {@code warmUpDays} of candles before it (40 days give
     * 240 4h candles, more than a 200-candle snapshot needs).
     */
    public static SeededCandles generate(long seed, int warmUpDays, int days) {
        Instant from = Instant.parse("2025-01-01T00:00:00Z");
        Instant start = from.minus(Duration.ofDays(warmUpDays));
        int count = (warmUpDays + days) * 48;
        List<Candle> base = walk(seed, start, count);
        var candles = new TreeMap<Timeframe, List<Candle>>();
        candles.put(Timeframe.M30, base);
        candles.put(Timeframe.H1, aggregate(base, Timeframe.H1));
        candles.put(Timeframe.H4, aggregate(base, Timeframe.H4));
        List<Instant> closes = new ArrayList<>();
        for (Candle candle : base) {
            Instant close = Timeframe.M30.closeOf(candle.openTime());
            if (!close.isBefore(from.plus(Timeframe.M30.duration()))) {
                closes.add(close);
            }
        }
        return new SeededCandles(candles, closes);
    }

    private static List<Candle> walk(long seed, Instant start, int count) {
        var random = new SplittableRandom(seed);
        List<Candle> candles = new ArrayList<>(count);
        double price = 2_000;
        double volatility = 0.006;
        double drift = 0;
        int regimeLeft = 0;
        for (int i = 0; i < count; i++) {
            if (regimeLeft-- <= 0) {
                regimeLeft = 48 + random.nextInt(48 * 6);
                volatility = 0.003 + random.nextDouble() * 0.009;
                drift = (random.nextDouble() - 0.5) * volatility * 0.4;
            }
            double open = price;
            double close = open * Math.exp(drift + volatility * random.nextGaussian());
            double high = Math.max(open, close) * Math.exp(Math.abs(random.nextGaussian()) * volatility * 0.5);
            double low = Math.min(open, close) * Math.exp(-Math.abs(random.nextGaussian()) * volatility * 0.5);
            double volume = 500 * Math.exp(random.nextGaussian() * 0.5) * (volatility / 0.006);
            BigDecimal o = cents(open);
            BigDecimal c = cents(close);
            candles.add(new Candle(start.plus(Timeframe.M30.duration().multipliedBy(i)), o,
                    cents(high).max(o).max(c), cents(low).min(o).min(c), c,
                    BigDecimal.valueOf(volume).setScale(4, RoundingMode.HALF_UP)));
            price = c.doubleValue();
        }
        return List.copyOf(candles);
    }

    private static BigDecimal cents(double price) {
        return BigDecimal.valueOf(price).setScale(2, RoundingMode.HALF_UP);
    }

    /** Complete candles of {@code timeframe} made of the 30m ones (a trailing incomplete one is left out). */
    static List<Candle> aggregate(List<Candle> base, Timeframe timeframe) {
        int per = (int) (timeframe.duration().toMinutes() / Timeframe.M30.duration().toMinutes());
        List<Candle> candles = new ArrayList<>();
        int i = 0;
        while (i < base.size() && !timeframe.openOf(base.get(i).openTime()).equals(base.get(i).openTime())) {
            i++;
        }
        for (; i + per <= base.size(); i += per) {
            List<Candle> part = base.subList(i, i + per);
            BigDecimal high = part.getFirst().high();
            BigDecimal low = part.getFirst().low();
            BigDecimal volume = BigDecimal.ZERO;
            for (Candle candle : part) {
                high = high.max(candle.high());
                low = low.min(candle.low());
                volume = volume.add(candle.volume());
            }
            candles.add(new Candle(part.getFirst().openTime(), part.getFirst().open(), high, low, part.getLast().close(), volume));
        }
        return List.copyOf(candles);
    }

    /**
     * The live snapshot's window at {@code close}: per timeframe, the last {@code size} candles closed at or
     * before it (a view, nothing copied).
     */
    public SortedMap<Timeframe, List<Candle>> window(Instant close, int size) {
        var window = new TreeMap<Timeframe, List<Candle>>();
        candles.forEach((timeframe, list) -> {
            int end = closedAtOrBefore(list, timeframe, close);
            window.put(timeframe, list.subList(Math.max(0, end - size), end));
        });
        return window;
    }

    /** How many of {@code list}'s candles are closed at or before {@code close}. */
    private static int closedAtOrBefore(List<Candle> list, Timeframe timeframe, Instant close) {
        int low = 0;
        int high = list.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (timeframe.closeOf(list.get(middle).openTime()).isAfter(close)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }
}
