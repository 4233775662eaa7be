package io.signaldesk.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.signaldesk.backtest.Baseline.Edge;
import io.signaldesk.chat.LocalizedText;
import org.junit.jupiter.api.Test;

class EdgeLineTest {

    private static Baseline baseline(int trades, double percentile, Edge edge) {
        return new Baseline(100, trades, 0.1, 0.0, percentile, edge);
    }

    @Test
    void saysWhereTheBotFallsAmongRandomEntriesInEnglishAndVietnamese() {
        assertThat(EdgeLine.of(baseline(40, 97, Edge.EDGE))).isEqualTo(new LocalizedText(
                "better than 97 % of random entries", "tốt hơn 97 % các lần vào lệnh ngẫu nhiên"));
        assertThat(EdgeLine.of(baseline(40, 48, Edge.NO_EVIDENCE))).isEqualTo(new LocalizedText(
                "no evidence of an edge: better than 48 % of random entries",
                "chưa có bằng chứng về lợi thế: tốt hơn 48 % các lần vào lệnh ngẫu nhiên"));
        // worse than = the runs that beat the bot: 100 − 4 = 96
        assertThat(EdgeLine.of(baseline(40, 4, Edge.WORSE_THAN_RANDOM))).isEqualTo(new LocalizedText(
                "worse than 96 % of random entries", "kém hơn 96 % các lần vào lệnh ngẫu nhiên"));
        assertThat(EdgeLine.of(new Baseline(0, 7, 0.4, Double.NaN, Double.NaN, Edge.TOO_FEW_TRADES))).isEqualTo(
                new LocalizedText("too few trades (7) to compare with chance", "quá ít lệnh (7) để so sánh với sự ngẫu nhiên"));
    }

    @Test
    void roundsSharesDownSoALineNeverClaimsMoreThanTheRunsShowed() {
        // 96.5 % beaten → 96; beaten 3.5 % → beaten by 96.5 % → 96; 66.67 (2 of 3 runs) → 66
        assertThat(EdgeLine.of(baseline(40, 96.5, Edge.EDGE)).en()).isEqualTo("better than 96 % of random entries");
        assertThat(EdgeLine.of(baseline(40, 3.5, Edge.WORSE_THAN_RANDOM)).en()).isEqualTo("worse than 96 % of random entries");
        assertThat(EdgeLine.of(baseline(40, 200.0 / 3, Edge.NO_EVIDENCE)).en())
                .isEqualTo("no evidence of an edge: better than 66 % of random entries");
        // but a share computed a hair under a whole number is that number
        assertThat(EdgeLine.of(baseline(40, 97 - 1e-12, Edge.EDGE)).en()).isEqualTo("better than 97 % of random entries");
    }

    @Test
    void withNoRandomRunToCompareWithItSaysSo() {
        assertThat(EdgeLine.in(baseline(40, Double.NaN, Edge.NO_EVIDENCE), java.util.Locale.forLanguageTag("vi")))
                .isEqualTo("chưa có bằng chứng về lợi thế: không có lần vào lệnh ngẫu nhiên nào được khớp để so sánh");
        assertThat(EdgeLine.of(baseline(40, Double.NaN, Edge.NO_EVIDENCE)).en())
                .isEqualTo("no evidence of an edge: no random entry filled to compare with");
    }
}
