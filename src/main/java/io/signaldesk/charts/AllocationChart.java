package io.signaldesk.charts;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import org.springframework.stereotype.Component;

/**
 * An allocation before and after a rebalance as one PNG ({@value #WIDTH} × {@value #HEIGHT}): per asset, its percent
 * of the account before (grey) and after (blue) as side-by-side bars, each labelled with its percent (2 decimals, a
 * point as the decimal mark whatever the server's locale). Title and labels come from the caller, already localized;
 * the assets are drawn in the order given. A wallet of more than {@value #MAX_SLICES} assets shows its
 * {@code MAX_SLICES - 1} largest (by the larger of before and after), and the rest as one bar of their sums.
 */
@Component
public class AllocationChart {

    static final int WIDTH = 900;
    static final int HEIGHT = 620;
    /** More bars than this would be too thin to read: the smallest assets are drawn as one. */
    static final int MAX_SLICES = 20;

    /** One asset's percent of the account before and after. */
    public record Slice(String asset, double beforePercent, double afterPercent) {
    }

    /**
     * The series' names, the axis title and the name of the bar that holds the smallest assets of a large wallet, already
     * localized (e.g. "before", "after", "% of the account", "other"); without that name the bar is named by how many
     * assets it holds ("+7").
     */
    public record Labels(String before, String after, String percentAxis, String others) {

        public Labels(String before, String after, String percentAxis) {
            this(before, after, percentAxis, null);
        }
    }

    /** Draws at least one slice, in the order given (more than {@value #MAX_SLICES}: the smallest folded into one). */
    public byte[] png(String title, Labels labels, List<Slice> slices) {
        if (slices.isEmpty()) {
            throw new IllegalArgumentException("an allocation chart takes at least one asset");
        }
        slices = fold(slices, labels);
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
        styler.setLocale(Locale.ROOT);
        styler.setDecimalPattern("0.00");
        styler.setYAxisMin(0.0);
        double highest = slices.stream().mapToDouble(slice -> Math.max(slice.beforePercent(), slice.afterPercent())).max().orElse(0);
        styler.setYAxisMax(Math.min(100, Math.max(10, Math.ceil(highest * 1.15 / 10) * 10)));
        List<String> assets = slices.stream().map(Slice::asset).toList();
        chart.addSeries(labels.before(), assets, slices.stream().map(Slice::beforePercent).toList());
        chart.addSeries(labels.after(), assets, slices.stream().map(Slice::afterPercent).toList());
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        return png(image);
    }

    /**
     * The slices as they are when there are at most {@value #MAX_SLICES}; otherwise the {@code MAX_SLICES - 1} largest
     * (by the larger of before and after; ties by asset name) in the order given, then one slice summing the rest.
     */
    static List<Slice> fold(List<Slice> slices, Labels labels) {
        if (slices.size() <= MAX_SLICES) {
            return slices;
        }
        Set<Slice> largest = slices.stream()
                .sorted(Comparator.comparingDouble((Slice slice) -> Math.max(slice.beforePercent(), slice.afterPercent())).reversed()
                        .thenComparing(Slice::asset))
                .limit(MAX_SLICES - 1)
                .collect(Collectors.toCollection(() -> Collections.newSetFromMap(new IdentityHashMap<>())));
        List<Slice> shown = new ArrayList<>();
        double before = 0;
        double after = 0;
        for (Slice slice : slices) {
            if (largest.contains(slice)) {
                shown.add(slice);
            } else {
                before += slice.beforePercent();
                after += slice.afterPercent();
            }
        }
        int rest = slices.size() - shown.size();
        shown.add(new Slice(labels.others() == null || labels.others().isBlank() ? "+" + rest : labels.others(), before, after));
        return List.copyOf(shown);
    }

    private static byte[] png(BufferedImage image) {
        try (var out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
