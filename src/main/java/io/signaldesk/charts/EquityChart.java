package io.signaldesk.charts;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.springframework.stereotype.Component;

/**
 * An equity curve as one PNG ({@value #WIDTH} × {@value #HEIGHT}): on top ({@value #TOP_HEIGHT} px) a strategy's equity
 * against buy-and-hold as returns in % ({@link #png}), or an account's equity in money such as USDT ({@link #amounts});
 * underneath ({@value #BOTTOM_HEIGHT} px), on the same time axis, the equity's drawdown from its running peak in % as
 * a red area. Two XChart charts drawn into one image, because XChart has no panes sharing an axis.
 */
@Component
public class EquityChart {

    static final int WIDTH = 900;
    static final int TOP_HEIGHT = 420;
    static final int BOTTOM_HEIGHT = 200;
    static final int HEIGHT = TOP_HEIGHT + BOTTOM_HEIGHT;

    /** One moment of the curve: both values start at 1.0. */
    public record Point(Instant at, double strategy, double buyAndHold) {
    }

    /** One moment of an equity in money, e.g. an account's in USDT. */
    public record Amount(Instant at, double value) {
    }

    /**
     * An equity in money over time (at least two points, oldest first): the amount in {@code unit} on top and its
     * drawdown from the running peak in % underneath, on the same time axis.
     */
    public byte[] amounts(String title, String unit, List<Amount> amounts) {
        if (amounts.size() < 2) {
            throw new IllegalArgumentException("an equity chart needs at least two points, got " + amounts.size());
        }
        List<Date> times = amounts.stream().map(amount -> Date.from(amount.at())).toList();
        String pattern = pattern(amounts.getFirst().at(), amounts.getLast().at());
        XYChart top = new XYChartBuilder().width(WIDTH).height(TOP_HEIGHT).title(title).yAxisTitle(unit).build();
        style(top, pattern);
        top.getStyler().setLegendVisible(false);
        line(top.addSeries("equity", times, amounts.stream().map(Amount::value).toList()), new Color(33, 100, 243));
        return compose(top, drawdownChart(times, fallFromPeak(amounts.stream().map(Amount::value).toList()), pattern));
    }

    /** Draws at least two points (oldest first). */
    public byte[] png(String title, List<Point> points) {
        return png(title, "strategy", "buy and hold", points);
    }

    /**
     * Draws at least two points (oldest first) with its own names for the two curves, e.g. a signal equity against an
     * account's (both from 1.0); a null {@code secondName} draws the first curve alone.
     */
    public byte[] png(String title, String firstName, String secondName, List<Point> points) {
        if (points.size() < 2) {
            throw new IllegalArgumentException("an equity chart needs at least two points, got " + points.size());
        }
        List<Date> times = points.stream().map(point -> Date.from(point.at())).toList();
        String pattern = pattern(points.getFirst().at(), points.getLast().at());

        XYChart top = new XYChartBuilder().width(WIDTH).height(TOP_HEIGHT).title(title).yAxisTitle("return %").build();
        style(top, pattern);
        line(top.addSeries(firstName, times, points.stream().map(point -> (point.strategy() - 1) * 100).toList()), new Color(33, 100, 243));
        if (secondName != null) {
            line(top.addSeries(secondName, times, points.stream().map(point -> (point.buyAndHold() - 1) * 100).toList()), new Color(150, 150, 150));
        } else {
            top.getStyler().setLegendVisible(false);
        }

        return compose(top, drawdownChart(times, drawdown(points), pattern));
    }

    private static String pattern(Instant first, Instant last) {
        return last.getEpochSecond() - first.getEpochSecond() > 3 * 86_400 ? "yyyy-MM-dd" : "MM-dd HH:mm";
    }

    private static XYChart drawdownChart(List<Date> times, List<Double> fall, String pattern) {
        XYChart bottom = new XYChartBuilder().width(WIDTH).height(BOTTOM_HEIGHT).yAxisTitle("drawdown %").build();
        style(bottom, pattern);
        bottom.getStyler().setLegendVisible(false);
        XYSeries drawdown = bottom.addSeries("drawdown", times, fall);
        drawdown.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        drawdown.setMarker(SeriesMarkers.NONE);
        drawdown.setLineColor(new Color(211, 47, 47));
        drawdown.setFillColor(new Color(239, 83, 80, 120));
        return bottom;
    }

    private static byte[] compose(XYChart top, XYChart bottom) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.drawImage(BitmapEncoder.getBufferedImage(top), 0, 0, null);
            graphics.drawImage(BitmapEncoder.getBufferedImage(bottom), 0, TOP_HEIGHT, null);
        } finally {
            graphics.dispose();
        }
        try (var out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fall from the running peak of the strategy's equity, in % (0 or negative). */
    static List<Double> drawdown(List<Point> points) {
        return fallFromPeak(points.stream().map(Point::strategy).toList());
    }

    /** The fall from the running peak of an equity, in % (0 or negative). */
    static List<Double> fallFromPeak(List<Double> equity) {
        List<Double> fall = new ArrayList<>(equity.size());
        double peak = Double.NEGATIVE_INFINITY;
        for (double value : equity) {
            peak = Math.max(peak, value);
            fall.add(peak > 0 ? (value / peak - 1) * 100 : 0);
        }
        return fall;
    }

    private static void style(XYChart chart, String datePattern) {
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setDatePattern(datePattern);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setXAxisTitleVisible(false);
    }

    private static void line(XYSeries series, Color color) {
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
    }
}
