package io.signaldesk.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class EquityChartTest {

    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void equityAgainstBuyAndHoldWithTheDrawdownUnderneathIsOnePngOfTheStatedSize() throws Exception {
        List<EquityChart.Point> points = new ArrayList<>();
        for (int day = 0; day < 180; day++) {
            points.add(new EquityChart.Point(START.plus(Duration.ofDays(day)), 1 + Math.sin(day / 10.0) * 0.1 + day * 0.001, 1 + day * 0.002));
        }

        byte[] png = new EquityChart().png("futures-signals · sim BTC/USDT 1h", points);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(620);
        assertThat(distinctColours(image, 0, 420)).as("the equity pane is drawn").isGreaterThan(10);
        assertThat(distinctColours(image, 420, 620)).as("the drawdown pane is drawn").isGreaterThan(10);
    }

    @Test
    void theDrawdownIsTheFallFromTheRunningPeak() {
        List<EquityChart.Point> points = List.of(point(0, 1.0), point(1, 1.2), point(2, 0.9), point(3, 1.3));

        assertThat(EquityChart.drawdown(points)).usingElementComparator((a, b) -> Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b)).containsExactly(0.0, 0.0, -25.0, 0.0);
    }

    @Test
    void oneCurvePointIsNoChart() {
        assertThatThrownBy(() -> new EquityChart().png("x", List.of(point(0, 1)))).isInstanceOf(IllegalArgumentException.class);
    }

    private static EquityChart.Point point(int day, double equity) {
        return new EquityChart.Point(START.plus(Duration.ofDays(day)), equity, 1);
    }

    private static long distinctColours(BufferedImage image, int fromY, int toY) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = fromY; y < toY; y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
