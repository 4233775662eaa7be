package io.signaldesk.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class AllocationChartTest {

    private static final AllocationChart.Labels LABELS = new AllocationChart.Labels("before", "after", "% of the account");

    @Test
    void beforeAndAfterPerAssetIsOnePngOfTheStatedSize() throws Exception {
        byte[] png = new AllocationChart().png("Rebalance · paper account", LABELS, List.of(
                new AllocationChart.Slice("BTC", 10, 12.5), new AllocationChart.Slice("ETH", 30, 37.5),
                new AllocationChart.Slice("SOL", 30, 25), new AllocationChart.Slice("USDT", 30, 25)));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(620);
        assertThat(distinctColours(image)).as("bars, labels and legend are drawn").isGreaterThan(10);
    }

    @Test
    void twoDifferentAllocationsDrawDifferentImages() throws Exception {
        AllocationChart chart = new AllocationChart();
        BufferedImage one = ImageIO.read(new ByteArrayInputStream(chart.png("Rebalance", LABELS, List.of(
                new AllocationChart.Slice("BTC", 100, 50), new AllocationChart.Slice("USDT", 0, 50)))));
        BufferedImage other = ImageIO.read(new ByteArrayInputStream(chart.png("Rebalance", LABELS, List.of(
                new AllocationChart.Slice("BTC", 80, 50), new AllocationChart.Slice("USDT", 20, 50)))));

        assertThat(differingPixels(one, other)).isGreaterThan(100);
    }

    @Test
    void percentsAreDrawnTheSameWhateverTheServersLocale() throws Exception {
        AllocationChart chart = new AllocationChart();
        List<AllocationChart.Slice> slices = List.of(new AllocationChart.Slice("BTC", 12.345, 50.5), new AllocationChart.Slice("USDT", 87.655, 49.5));
        java.util.Locale server = java.util.Locale.getDefault();
        byte[] english;
        byte[] vietnamese;
        try {
            java.util.Locale.setDefault(java.util.Locale.US);
            english = chart.png("Rebalance", LABELS, slices);
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("vi-VN"));
            vietnamese = chart.png("Rebalance", LABELS, slices);
        } finally {
            java.util.Locale.setDefault(server);
        }

        assertThat(differingPixels(ImageIO.read(new ByteArrayInputStream(english)), ImageIO.read(new ByteArrayInputStream(vietnamese))))
                .as("12.35, not 12,35 on a Vietnamese server").isZero();
    }

    @Test
    void aLargeWalletShowsItsNineteenLargestAndTheRestAsOne() throws Exception {
        List<AllocationChart.Slice> slices = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            slices.add(new AllocationChart.Slice("A" + i, i < 10 ? 1 : 4, i < 10 ? 0.5 : 4.5));
        }
        var labels = new AllocationChart.Labels("before", "after", "% of the account", "other");

        List<AllocationChart.Slice> folded = AllocationChart.fold(slices, labels);

        assertThat(folded).hasSize(20);
        assertThat(folded.subList(0, 19)).extracting(AllocationChart.Slice::asset).doesNotContain("A0", "A9", "A29").contains("A11", "A28");
        assertThat(folded.getLast().asset()).isEqualTo("other");
        assertThat(folded.getLast().beforePercent()).isCloseTo(10 * 1 + 4, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(folded.getLast().afterPercent()).isCloseTo(10 * 0.5 + 4.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(AllocationChart.fold(slices, LABELS).getLast().asset()).as("no name given: how many").isEqualTo("+11");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(new AllocationChart().png("Rebalance", labels, slices)));
        assertThat(image.getWidth()).isEqualTo(900);
    }

    @Test
    void noAssetIsRefused() {
        assertThatThrownBy(() -> new AllocationChart().png("Rebalance", LABELS, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static long differingPixels(BufferedImage one, BufferedImage other) {
        long differing = 0;
        for (int x = 0; x < one.getWidth(); x++) {
            for (int y = 0; y < one.getHeight(); y++) {
                if (one.getRGB(x, y) != other.getRGB(x, y)) {
                    differing++;
                }
            }
        }
        return differing;
    }

    private static long distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 2) {
            for (int y = 0; y < image.getHeight(); y += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
