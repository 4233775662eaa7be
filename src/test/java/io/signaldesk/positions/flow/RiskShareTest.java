package io.signaldesk.positions.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RiskShareTest {

    private static final BigDecimal EQUITY = new BigDecimal("10000");

    @Test
    void theSizeRisksTheShareOfEquityBetweenEntryAndStop() {
        assertThat(RiskShare.ONE.size(EQUITY, new BigDecimal("64000"), new BigDecimal("63000"))).hasValueSatisfying(size -> assertThat(size).isEqualByComparingTo("0.1"));
        assertThat(RiskShare.TWO.size(EQUITY, new BigDecimal("64000"), new BigDecimal("63000"))).hasValueSatisfying(size -> assertThat(size).isEqualByComparingTo("0.2"));
        assertThat(RiskShare.HALF.size(EQUITY, new BigDecimal("64000"), new BigDecimal("63000"))).hasValueSatisfying(size -> assertThat(size).isEqualByComparingTo("0.05"));
    }

    @Test
    void aShortsStopAboveTheEntryGivesThePositiveSize() {
        assertThat(RiskShare.ONE.size(EQUITY, new BigDecimal("2.5"), new BigDecimal("2.6"))).hasValueSatisfying(size -> assertThat(size).isEqualByComparingTo("1000"));
    }

    @Test
    void theSizeIsRoundedDownSoTheRiskNeverExceedsTheShare() {
        assertThat(RiskShare.ONE.size(EQUITY, new BigDecimal("3"), BigDecimal.ZERO)).hasValueSatisfying(size -> assertThat(size).isEqualByComparingTo("33.33333333"));
    }

    @Test
    void noSizeWhenTheStopIsTheEntryOrTheSizeRoundsToNothing() {
        assertThat(RiskShare.ONE.size(EQUITY, BigDecimal.TEN, BigDecimal.TEN)).isEmpty();
        assertThat(RiskShare.HALF.size(new BigDecimal("0.0000001"), new BigDecimal("64000"), new BigDecimal("1"))).isEmpty();
    }

    @Test
    void onlyTheOfferedSharesAreReadFromAButton() {
        assertThat(RiskShare.of("0.5")).contains(RiskShare.HALF);
        assertThat(RiskShare.of("2")).contains(RiskShare.TWO);
        assertThat(RiskShare.of("50")).isEmpty();
        assertThatThrownBy(() -> new RiskShare(new BigDecimal("11"))).isInstanceOf(IllegalArgumentException.class);
    }
}
