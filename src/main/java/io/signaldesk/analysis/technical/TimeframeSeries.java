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
 * One timeframe's candles with every indicator of a {@link TimeframeReading} computed once over all of them
 * (ta4j on double numbers), kept as plain arrays and read at any index: what makes a replay over a year of
 * candles cost about one indicator pass, and what the live reading of a 200-candle snapshot runs too (one code).
 * ta4j indicators only look backwards, so the value at an index uses that candle and earlier ones only. The
 * recursive ones (EMA, MACD, RSI and ATR smoothing) are seeded at the first candle given: over a long
 * history they differ slightly from the same indicator over the last 200 candles (the warm-up), the rest
 * (SMA, Bollinger bands) are equal.
 */
public final class TimeframeSeries {

    private static final int CROSS_LOOKBACK = 3;

    private final Timeframe timeframe;
    private final List<Candle> candles;
    private final long[] closeMillis;
    private final double[] close;
    private final double[] ema20;
    private final double[] ema50;
    private final double[] sma50;
    private final double[] rsi;
    private final double[] macd;
    private final double[] macdSignal;
    private final double[] macdHistogram;
    private final double[] bollingerUpper;
    private final double[] bollingerMiddle;
    private final double[] bollingerLower;
    private final double[] atr;

    private TimeframeSeries(Timeframe timeframe, List<Candle> candles) {
        this.timeframe = timeframe;
        this.candles = List.copyOf(candles);
        int count = this.candles.size();
        closeMillis = new long[count];
        for (int i = 0; i < count; i++) {
            closeMillis[i] = timeframe.closeOf(this.candles.get(i).openTime()).toEpochMilli();
        }
        BarSeries series = series(timeframe, this.candles);
        var closePrice = new ClosePriceIndicator(series);
        var macdLine = new MACDIndicator(closePrice, 12, 26);
        var middle = new BollingerBandsMiddleIndicator(new SMAIndicator(closePrice, 20));
        var deviation = new StandardDeviationIndicator(closePrice, 20);
        close = values(closePrice, count);
        ema20 = values(new EMAIndicator(closePrice, 20), count);
        ema50 = values(new EMAIndicator(closePrice, 50), count);
        sma50 = values(new SMAIndicator(closePrice, 50), count);
        rsi = values(new RSIIndicator(closePrice, 14), count);
        macd = values(macdLine, count);
        macdSignal = values(macdLine.getSignalLine(9), count);
        macdHistogram = values(macdLine.getHistogram(9), count);
        bollingerUpper = values(new BollingerBandsUpperIndicator(middle, deviation), count);
        bollingerMiddle = values(middle, count);
        bollingerLower = values(new BollingerBandsLowerIndicator(middle, deviation), count);
        atr = values(new ATRIndicator(series, 14), count);
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

    /** The reading at candle {@code index}, as if it were the last one. */
    public TimeframeReading readingAt(int index) {
        return new TimeframeReading(timeframe, close[index], ema20[index], ema50[index], sma50[index], rsi[index],
                macd[index], macdSignal[index], macdHistogram[index], bollingerUpper[index], bollingerMiddle[index],
                bollingerLower[index], atr[index],
                crossed(close, ema20, index, true), crossed(close, ema20, index, false),
                crossed(macd, macdSignal, index, true), crossed(macd, macdSignal, index, false));
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

    private static double[] values(Indicator<Num> indicator, int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = indicator.getValue(i).doubleValue();
        }
        return values;
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
