package io.signaldesk.positions.flow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A share of equity put at risk by a position, as the size buttons offer it: 0.5 %, 1 % or 2 %. The size is
 * equity × share ÷ |entry − stop| (base units), rounded down to 8 decimals so the risk never exceeds the share.
 *
 * @param percent the share in percent, e.g. {@code 0.5}
 */
record RiskShare(BigDecimal percent) {

    static final RiskShare HALF = new RiskShare(new BigDecimal("0.5"));
    static final RiskShare ONE = new RiskShare(BigDecimal.ONE);
    static final RiskShare TWO = new RiskShare(new BigDecimal("2"));

    RiskShare {
        if (percent.signum() <= 0 || percent.compareTo(BigDecimal.TEN) > 0) {
            throw new IllegalArgumentException("a risk share is above 0 and at most 10 %, got " + percent);
        }
    }

    /** From a button's payload ({@code 0.5}, {@code 1}, {@code 2}); empty for anything else. */
    static Optional<RiskShare> of(String text) {
        return switch (text) {
            case "0.5" -> Optional.of(HALF);
            case "1" -> Optional.of(ONE);
            case "2" -> Optional.of(TWO);
            default -> Optional.empty();
        };
    }

    /** The money at risk: equity × share. */
    BigDecimal atRisk(BigDecimal equity) {
        return equity.multiply(percent).movePointLeft(2);
    }

    /** The size that loses {@link #atRisk} at the stop; empty when entry equals stop or the size rounds to nothing. */
    Optional<BigDecimal> size(BigDecimal equity, BigDecimal entry, BigDecimal stop) {
        BigDecimal distance = entry.subtract(stop).abs();
        if (distance.signum() == 0) {
            return Optional.empty();
        }
        BigDecimal size = atRisk(equity).divide(distance, 8, RoundingMode.DOWN).stripTrailingZeros();
        return size.signum() > 0 ? Optional.of(size) : Optional.empty();
    }

    /** As a button and a payload show it: {@code 0.5}, {@code 1}, {@code 2}. */
    String shown() {
        return percent.stripTrailingZeros().toPlainString();
    }
}
