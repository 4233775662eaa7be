package io.signaldesk.analysis.technical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The quick rounding gives exactly what {@code new BigDecimal(double, MathContext)} gives: digits and scale. */
class SignificantDigitsTest {

    @Test
    void randomPricesIndicatorValuesAndEdgesRoundExactlyAsBigDecimalDoes() {
        var random = new SplittableRandom(14);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 300_000; i++) {
            values.add(Math.pow(10, random.nextDouble(-12, 12)) * (random.nextBoolean() ? 1 : -1));
            values.add(random.nextLong(1, 10_000_000_000L) / 100.0);
            values.add(random.nextLong(1, 1_000_000_000L) / 1e9 * random.nextInt(1, 200_000));
        }
        for (long digits : new long[] {1, 5, 12658683, 99_999_999, 100_000_000, 123_456_785, 999_999_995}) {
            for (int exponent = -12; exponent <= 12; exponent++) {
                double value = digits * Math.pow(10, exponent);
                values.addAll(List.of(value, -value, Math.nextUp(value), Math.nextDown(value), value + 0.5, value - 0.5));
            }
        }
        values.addAll(List.of(0.0, -0.0, 1e-250, 1e250, Double.MIN_VALUE, Double.MAX_VALUE, 126586.835, 0.5, 2000.0));
        int fast = 0;
        for (int digits : new int[] {4, 8, SignificantDigits.MAX_DIGITS}) {
            for (double value : values) {
                BigDecimal expected = new BigDecimal(value, new MathContext(digits));
                BigDecimal actual = SignificantDigits.round(value, digits);
                assertThat(actual).as("%s to %d digits", value, digits).isEqualTo(expected);
                assertThat(actual.toString()).isEqualTo(expected.toString());
                fast++;
            }
        }
        assertThat(fast).isGreaterThan(2_000_000);
    }

    @Test
    void notANumberFailsAsTheConstructorDoesAndDigitsAreBounded() {
        assertThatThrownBy(() -> SignificantDigits.round(Double.NaN, 8)).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> SignificantDigits.round(1.5, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
