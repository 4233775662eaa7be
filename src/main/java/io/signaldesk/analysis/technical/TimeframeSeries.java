package io.signaldesk.analysis.technical;

import io.signaldesk.market.Candle;
import io.signaldesk.market.Timeframe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;

/**
 * One timeframe's candles with every indicator of a {@link TimeframeReading} built once over all of them (ta4j on
 * double numbers), each value computed once into plain arrays and read at any index: what makes a replay over a
 * year of candles cost about one indicator pass, and what the live reading of a 200-candle snapshot runs too (one
 * code).
 * ta4j indicators only look backwards, so the value at an index uses that candle and earlier ones only. The
 * recursive ones (EMA, MACD, RSI and ATR smoothing) are seeded at the first candle given: over a long
 * history they differ slightly from the same indicator over the last 200 candles (the warm-up), the rest
 * (SMA, Bollinger bands) are equal.
 */
public final class TimeframeSeries {

    private static final int CROSS_LOOKBACK = 3;

    /* The one place the indicators' parameters live: the live analyst, the replay and the stored indicators use them. */
    private static final int EMA_FAST = 20;
    private static final int EMA_SLOW = 50;
    private static final int SMA_BARS = 50;
    private static final int RSI_BARS = 14;
    private static final int MACD_SHORT = 12;
    private static final int MACD_LONG = 26;
    private static final int MACD_SIGNAL_BARS = 9;
    private static final int BOLLINGER_BARS = 20;
    /** {@code BollingerBandsUpperIndicator}'s and {@code ...LowerIndicator}'s default width in standard deviations. */
    private static final int BOLLINGER_WIDTH = 2;
    private static final int ATR_BARS = 14;

    /**
     * The indicators and their parameters as one string, recorded with every stored value (a value computed with other
     * parameters is not current): {@code ema20 ema50 sma50 rsi14 macd12/26/9 bb20/2 atr14}.
     */
    public static final String PARAMETERS = "ema%d ema%d sma%d rsi%d macd%d/%d/%d bb%d/%d atr%d".formatted(EMA_FAST, EMA_SLOW,
            SMA_BARS, RSI_BARS, MACD_SHORT, MACD_LONG, MACD_SIGNAL_BARS, BOLLINGER_BARS, BOLLINGER_WIDTH, ATR_BARS);

    private final Timeframe timeframe;
    private final List<Candle> candles;
    private final long[] closeMillis;
    private final List<Indicator<Num>> indicators;
    /** The value of indicator {@code k} (in {@link #indicators}' order) at candle {@code i}: {@code values[k][i]}. */
    private final double[][] values;
    private final boolean[] ready;

    private static final int CLOSE = 0;
    private static final int EMA20 = 1;
    private static final int EMA50 = 2;
    private static final int SMA50 = 3;
    private static final int RSI = 4;
    private static final int MACD = 5;
    private static final int MACD_SIGNAL = 6;
    private static final int MACD_HISTOGRAM = 7;
    private static final int BOLLINGER_UPPER = 8;
    private static final int BOLLINGER_MIDDLE = 9;
    private static final int BOLLINGER_LOWER = 10;
    private static final int ATR = 11;

    private TimeframeSeries(Timeframe timeframe, List<Candle> candles) {
        this.timeframe = timeframe;
        this.candles = List.copyOf(candles);
        int count = this.candles.size();
        closeMillis = new long[count];
        for (int i = 0; i < count; i++) {
            closeMillis[i] = timeframe.closeOf(this.candles.get(i).openTime()).toEpochMilli();
        }
        BarSeries series = series(timeframe, this.candles);
        var close = new ClosePriceIndicator(series);
        var macd = new MACDIndicator(close, MACD_SHORT, MACD_LONG);
        var middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, BOLLINGER_BARS));
        var deviation = new StandardDeviationIndicator(close, BOLLINGER_BARS);
        var width = DoubleNumFactory.getInstance().numOf(BOLLINGER_WIDTH);
        indicators = List.of(close, new EMAIndicator(close, EMA_FAST), new EMAIndicator(close, EMA_SLOW),
                new SMAIndicator(close, SMA_BARS), new RSIIndicator(close, RSI_BARS), macd, macd.getSignalLine(MACD_SIGNAL_BARS),
                macd.getHistogram(MACD_SIGNAL_BARS), new BollingerBandsUpperIndicator(middle, deviation, width), middle,
                new BollingerBandsLowerIndicator(middle, deviation, width), new ATRIndicator(series, ATR_BARS));
        values = new double[indicators.size()][count];
        ready = new boolean[count];
    }

    /** Every indicator over {@code candles} (closed, oldest first), computed now. */
    public static TimeframeSeries over(Timeframe timeframe, List<Candle> candles) {
        return new TimeframeSeries(timeframe, candles);
    }

    public Timeframe timeframe() {
        return timeframe;
    }

    public int size() {
        return closeMillis.length;
    }

    public Candle candle(int index) {
        return candles.get(index);
    }

    /**
     * The index of the last candle closed at or before {@code instant} (its close time, open time plus the
     * timeframe, not after it), or -1 when none is: a candle still forming at {@code instant} is never seen.
     */
    public int lastClosedAt(Instant instant) {
        long wanted = instant.toEpochMilli();
        int low = 0;
        int high = closeMillis.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (closeMillis[middle] <= wanted) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return high;
    }

    /**
     * The reading at candle {@code index}, as if it were the last one. Values are computed the first time an
     * index is read (the crossings read the three before it too) and kept: a replay reading every index computes
     * each once, a live snapshot read at its last candle computes only what that reading needs (ta4j computes the
     * earlier values of the recursive indicators on the way). Not for two threads at once.
     */
    public TimeframeReading readingAt(int index) {
        for (int i = Math.max(0, index - CROSS_LOOKBACK); i <= index; i++) {
            compute(i);
        }
        return new TimeframeReading(timeframe, value(CLOSE, index), value(EMA20, index), value(EMA50, index),
                value(SMA50, index), value(RSI, index), value(MACD, index), value(MACD_SIGNAL, index),
                value(MACD_HISTOGRAM, index), value(BOLLINGER_UPPER, index), value(BOLLINGER_MIDDLE, index),
                value(BOLLINGER_LOWER, index), value(ATR, index),
                crossed(values[CLOSE], values[EMA20], index, true), crossed(values[CLOSE], values[EMA20], index, false),
                crossed(values[MACD], values[MACD_SIGNAL], index, true), crossed(values[MACD], values[MACD_SIGNAL], index, false));
    }

    /**
     * Every indicator computed at every index and nothing else (no reading, no proposal): the single indicator pass the
     * replay benchmark compares the fast path with. Returns the sum of the values, so that the work is observable.
     */
    public double computeEveryIndex() {
        double sum = 0;
        for (int i = 0; i < ready.length; i++) {
            compute(i);
            for (double[] indicator : values) {
                sum += Double.isNaN(indicator[i]) ? 0 : indicator[i];
            }
        }
        return sum;
    }

    private void compute(int index) {
        if (!ready[index]) {
            for (int k = 0; k < values.length; k++) {
                values[k][index] = indicators.get(k).getValue(index).doubleValue();
            }
            ready[index] = true;
        }
    }

    private double value(int indicator, int index) {
        return values[indicator][index];
    }

    /** Whether {@code line - reference} changed sign (upwards or downwards) within the last candles up to {@code last}. */
    private static boolean crossed(double[] line, double[] reference, int last, boolean upwards) {
        for (int i = last; i > last - CROSS_LOOKBACK && i > 0; i--) {
            double now = line[i] - reference[i];
            double before = line[i - 1] - reference[i - 1];
            if (upwards ? before <= 0 && now > 0 : before >= 0 && now < 0) {
                return true;
            }
        }
        return false;
    }

    private static BarSeries series(Timeframe timeframe, List<Candle> candles) {
        BarSeries series = new BaseBarSeriesBuilder().withNumFactory(DoubleNumFactory.getInstance())
                .withName(timeframe.code()).build();
        Duration period = timeframe.duration();
        for (Candle candle : candles) {
            series.barBuilder().timePeriod(period).endTime(timeframe.closeOf(candle.openTime()))
                    .openPrice(candle.open().doubleValue()).highPrice(candle.high().doubleValue())
                    .lowPrice(candle.low().doubleValue()).closePrice(candle.close().doubleValue())
                    .volume(candle.volume().doubleValue()).add();
        }
        return series;
    }
}
