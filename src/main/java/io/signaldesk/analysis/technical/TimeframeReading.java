package io.signaldesk.analysis.technical;

import io.signaldesk.market.Candle;
import io.signaldesk.market.Timeframe;
import java.util.List;

/**
 * The indicator values of one timeframe at its last closed candle, computed with ta4j (RSI 14,
 * MACD 12/26/9, Bollinger Bands 20/2 around an SMA 20, ATR 14, EMA and SMA 20 and 50; see
 * {@link TimeframeSeries}). The technical analyst decides on them; the LLM analyst's prompt quotes them.
 * ta4j indicators only look backwards: the value at a bar uses that bar and earlier ones, so a reading
 * never sees the future.
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

    /** The reading at the last of at least {@link #WARM_UP} candles (the same code a replay reads at every index). */
    public static TimeframeReading of(Timeframe timeframe, List<Candle> candles) {
        return TimeframeSeries.over(timeframe, candles).readingAt(candles.size() - 1);
    }
}
