package io.signaldesk.analysis.technical;

import io.signaldesk.market.Candle;
import io.signaldesk.market.Timeframe;
import java.time.Duration;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.numeric.NumericIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DoubleNumFactory;

/**
 * The indicator values of one timeframe at its last closed candle, computed with ta4j (RSI 14,
 * MACD 12/26/9, Bollinger Bands 20/2 around an SMA 20, ATR 14, EMA and SMA 20 and 50). The technical
 * analyst decides on them; the LLM analyst's prompt quotes them. ta4j indicators only look
 * backwards: the value at a bar uses that bar and earlier ones, so a reading never sees the future.
 *
 * @param emaCrossUp   close crossed above EMA 20 within the last three candles
 * @param macdCrossUp  MACD crossed above its signal line within the last three candles
 */
public record TimeframeReading(
        Timeframe timeframe,
        double close,
        double ema20,
        double ema50,
        double sma50,
        double rsi,
        double macd,
        double macdSignal,
        double macdHistogram,
        double bollingerUpper,
        double bollingerMiddle,
        double bollingerLower,
        double atr,
        boolean emaCrossUp,
        boolean emaCrossDown,
        boolean macdCrossUp,
        boolean macdCrossDown) {

    /** Candles needed before every indicator here is past its unstable warm-up (EMA 50, MACD 26 + 9). */
    public static final int WARM_UP = 60;
    private static final int CROSS_LOOKBACK = 3;

    /** The reading at the last of at least {@link #WARM_UP} candles. */
    public static TimeframeReading of(Timeframe timeframe, List<Candle> candles) {
        BarSeries series = series(timeframe, candles);
        int last = series.getEndIndex();
        var close = new ClosePriceIndicator(series);
        var ema20 = new EMAIndicator(close, 20);
        var ema50 = new EMAIndicator(close, 50);
        var macd = new MACDIndicator(close, 12, 26);
        var signal = macd.getSignalLine(9);
        NumericIndicator histogram = macd.getHistogram(9);
        var middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, 20));
        var deviation = new StandardDeviationIndicator(close, 20);
        var upper = new BollingerBandsUpperIndicator(middle, deviation);
        var lower = new BollingerBandsLowerIndicator(middle, deviation);
        return new TimeframeReading(timeframe,
                close.getValue(last).doubleValue(),
                ema20.getValue(last).doubleValue(),
                ema50.getValue(last).doubleValue(),
                new SMAIndicator(close, 50).getValue(last).doubleValue(),
                new RSIIndicator(close, 14).getValue(last).doubleValue(),
                macd.getValue(last).doubleValue(),
                signal.getValue(last).doubleValue(),
                histogram.getValue(last).doubleValue(),
                upper.getValue(last).doubleValue(),
                middle.getValue(last).doubleValue(),
                lower.getValue(last).doubleValue(),
                new ATRIndicator(series, 14).getValue(last).doubleValue(),
                crossed(last, i -> close.getValue(i).doubleValue() - ema20.getValue(i).doubleValue(), true),
                crossed(last, i -> close.getValue(i).doubleValue() - ema20.getValue(i).doubleValue(), false),
                crossed(last, i -> macd.getValue(i).doubleValue() - signal.getValue(i).doubleValue(), true),
                crossed(last, i -> macd.getValue(i).doubleValue() - signal.getValue(i).doubleValue(), false));
    }

    /** Whether {@code difference} changed sign (upwards or downwards) within the last candles. */
    private static boolean crossed(int last, java.util.function.IntToDoubleFunction difference, boolean upwards) {
        for (int i = last; i > last - CROSS_LOOKBACK; i--) {
            double now = difference.applyAsDouble(i);
            double before = difference.applyAsDouble(i - 1);
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
