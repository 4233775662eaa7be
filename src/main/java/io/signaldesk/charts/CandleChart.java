package io.signaldesk.charts;

import io.signaldesk.market.Candle;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.OHLCChart;
import org.knowm.xchart.OHLCChartBuilder;
import org.knowm.xchart.OHLCSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.springframework.stereotype.Component;

/**
 * A candlestick chart as a PNG (900 × 500): green and red candles, and dashed lines for the entry
 * (blue), stop-loss (red) and targets (green), each named with its price in the legend.
 */
@Component
public class CandleChart {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 500;

    /** Draws at least two candles (oldest first) with the given levels. */
    public byte[] png(String title, List<Candle> candles, List<PriceLevel> levels) {
        if (candles.size() < 2) {
            throw new IllegalArgumentException("a chart needs at least two candles, got " + candles.size());
        }
        OHLCChart chart = new OHLCChartBuilder().width(WIDTH).height(HEIGHT).title(title).build();
        chart.getStyler().setLegendVisible(!levels.isEmpty());
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setDatePattern(timePattern(candles));
        List<Date> times = candles.stream().map(candle -> Date.from(candle.openTime())).toList();
        OHLCSeries prices = chart.addSeries("price", times,
                candles.stream().map(candle -> candle.open().doubleValue()).toList(),
                candles.stream().map(candle -> candle.high().doubleValue()).toList(),
                candles.stream().map(candle -> candle.low().doubleValue()).toList(),
                candles.stream().map(candle -> candle.close().doubleValue()).toList());
        prices.setUpColor(new Color(38, 166, 154));
        prices.setDownColor(new Color(239, 83, 80));
        prices.setShowInLegend(false);
        for (PriceLevel level : levels) {
            var line = chart.addSeries(level.label() + " " + level.price().stripTrailingZeros().toPlainString(),
                    List.of(times.getFirst(), times.getLast()), List.of(level.price().doubleValue(), level.price().doubleValue()));
            line.setLineColor(color(level.kind()));
            line.setMarker(SeriesMarkers.NONE);
            line.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        }
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Color color(PriceLevel.Kind kind) {
        return switch (kind) {
            case ENTRY -> new Color(33, 100, 243);
            case STOP -> new Color(211, 47, 47);
            case TARGET -> new Color(46, 125, 50);
        };
    }

    private static String timePattern(List<Candle> candles) {
        long span = candles.getLast().openTime().getEpochSecond() - candles.getFirst().openTime().getEpochSecond();
        return span > 3 * 86_400 ? "MM-dd" : "MM-dd HH:mm";
    }
}
