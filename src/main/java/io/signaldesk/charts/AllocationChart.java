package io.signaldesk.charts;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import org.springframework.stereotype.Component;

/**
 * An allocation before and after a rebalance as one PNG ({@value #WIDTH} × {@value #HEIGHT}): per asset, its percent
 * of the account before (grey) and after (blue) as side-by-side bars, each labelled with its percent. Title and labels
 * come from the caller, already localized; the assets are drawn in the order given.
 */
@Component
public class AllocationChart {

    static final int WIDTH = 900;
    static final int HEIGHT = 620;
    /** More assets than this would make bars too thin to read; the caller folds the rest into one slice. */
    static final int MAX_SLICES = 20;

    /** One asset's percent of the account before and after. */
    public record Slice(String asset, double beforePercent, double afterPercent) {
    }

    /** The series' names and the axis title, already localized (e.g. "before", "after", "% of the account"). */
    public record Labels(String before, String after, String percentAxis) {
    }

    /** Draws 1 to {@value #MAX_SLICES} slices in the order given. */
    public byte[] png(String title, Labels labels, List<Slice> slices) {
        if (slices.isEmpty() || slices.size() > MAX_SLICES) {
            throw new IllegalArgumentException("an allocation chart takes 1 to " + MAX_SLICES + " assets, got " + slices.size());
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).yAxisTitle(labels.percentAxis()).build();
        var styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setXAxisTitleVisible(false);
        styler.setPlotGridVerticalLinesVisible(false);
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        styler.setSeriesColors(new Color[] {new Color(150, 150, 150), new Color(33, 100, 243)});
        styler.setLabelsVisible(true);
        styler.setLabelsPosition(0.93);
        styler.setLabelsFontColorAutomaticEnabled(true);
        styler.setLabelsFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 13));
        styler.setDecimalPattern("0.0");
        styler.setYAxisMin(0.0);
        double highest = slices.stream().mapToDouble(slice -> Math.max(slice.beforePercent(), slice.afterPercent())).max().orElse(0);
        styler.setYAxisMax(Math.min(100, Math.max(10, Math.ceil(highest * 1.15 / 10) * 10)));
        List<String> assets = slices.stream().map(Slice::asset).toList();
        chart.addSeries(labels.before(), assets, slices.stream().map(Slice::beforePercent).toList());
        chart.addSeries(labels.after(), assets, slices.stream().map(Slice::afterPercent).toList());
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        try (var out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
