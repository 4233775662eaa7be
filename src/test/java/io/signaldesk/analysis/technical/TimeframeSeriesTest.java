package io.signaldesk.analysis.technical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.signaldesk.market.Candle;
import io.signaldesk.market.Timeframe;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

/** Which candle a read at an instant sees: only those closed at or before it. */
class TimeframeSeriesTest {

    private static final SeededCandles DATA = SeededCandles.generate(3, 40, 10);

    @Test
    void aCandleIsSeenFromItsCloseOnAndNotAMillisecondBefore() {
        List<Candle> candles = DATA.candles().get(Timeframe.H4);
        TimeframeSeries series = TimeframeSeries.over(Timeframe.H4, candles);
        Instant close = Timeframe.H4.closeOf(candles.get(100).openTime());

        assertThat(series.lastClosedAt(close)).isEqualTo(100);
        assertThat(series.lastClosedAt(close.minusMillis(1))).isEqualTo(99);
        assertThat(series.lastClosedAt(close.plus(Timeframe.H4.duration()).minusMillis(1))).isEqualTo(100);
    }

    @Test
    void beforeTheFirstCloseNothingIsSeenAndAfterTheLastTheLastIs() {
        List<Candle> candles = DATA.candles().get(Timeframe.M30);
        TimeframeSeries series = TimeframeSeries.over(Timeframe.M30, candles);

        assertThat(series.lastClosedAt(candles.getFirst().openTime())).isEqualTo(-1);
        assertThat(series.lastClosedAt(Instant.parse("2030-01-01T00:00:00Z"))).isEqualTo(candles.size() - 1);
    }

    @Test
    void aReadingAtAnIndexIsTheReadingOfTheCandlesUpToIt() {
        List<Candle> candles = DATA.candles().get(Timeframe.H1);
        TimeframeSeries series = TimeframeSeries.over(Timeframe.H1, candles);

        assertThat(series.readingAt(300)).isEqualTo(TimeframeReading.of(Timeframe.H1, candles.subList(0, 301)));
    }

    /** Against ta4j itself, on its own default (decimal) numbers: the arrays hold what the indicators say. */
    @Test
    void aReadingHoldsWhatTa4jComputesForThoseCandles() {
        List<Candle> candles = DATA.candles().get(Timeframe.H1).subList(0, 400);
        BarSeries bars = new BaseBarSeriesBuilder().withName("h1").build();
        for (Candle candle : candles) {
            bars.barBuilder().timePeriod(Timeframe.H1.duration()).endTime(Timeframe.H1.closeOf(candle.openTime()))
                    .openPrice(candle.open()).highPrice(candle.high()).lowPrice(candle.low()).closePrice(candle.close())
                    .volume(candle.volume()).add();
        }
        var close = new ClosePriceIndicator(bars);
        int last = candles.size() - 1;

        TimeframeReading reading = TimeframeSeries.over(Timeframe.H1, candles).readingAt(last);

        assertThat(reading.ema50()).isCloseTo(new EMAIndicator(close, 50).getValue(last).doubleValue(), within(1e-6));
        assertThat(reading.rsi()).isCloseTo(new RSIIndicator(close, 14).getValue(last).doubleValue(), within(1e-6));
        assertThat(reading.atr()).isCloseTo(new ATRIndicator(bars, 14).getValue(last).doubleValue(), within(1e-6));
    }
}
