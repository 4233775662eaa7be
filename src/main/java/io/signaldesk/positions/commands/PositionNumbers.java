package io.signaldesk.positions.commands;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the position commands write numbers in the reader's language: prices and sizes as given (up to 8 decimals),
 * money with 2 decimals and a sign, percentages and R with 2 decimals and a sign, times in UTC.
 */
final class PositionNumbers {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private PositionNumbers() {
    }

    /** A price or a size with up to 8 decimals, trailing zeros dropped: 95,000 · 0.0125 · 0.35123. */
    static String amount(Locale locale, BigDecimal value) {
        DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(8);
        format.setMinimumFractionDigits(0);
        format.setGroupingUsed(true);
        return format.format(value.setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros());
    }

    /** Signed money with 2 decimals: +1,250.00, -80.50. */
    static String money(Locale locale, BigDecimal value) {
        return String.format(locale, "%+,.2f", value.setScale(2, RoundingMode.HALF_EVEN));
    }

    /** Unsigned money with 2 decimals: 10,000.00. */
    static String plainMoney(Locale locale, BigDecimal value) {
        return String.format(locale, "%,.2f", value.setScale(2, RoundingMode.HALF_EVEN));
    }

    /** A fraction as a signed percentage: 0.0526 → +5.26%. */
    static String percent(Locale locale, BigDecimal fraction) {
        return String.format(locale, "%+.2f%%", fraction.multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_EVEN));
    }

    /** Signed R with 2 decimals: +1.50 R. */
    static String r(Locale locale, BigDecimal r) {
        return String.format(locale, "%+.2f R", r.setScale(2, RoundingMode.HALF_EVEN));
    }

    /** Leverage as typed, without trailing zeros: 10, 2.5. */
    static String leverage(BigDecimal leverage) {
        return leverage.stripTrailingZeros().toPlainString();
    }

    /** How far {@code level} is from {@code price}, as a signed share of {@code price}. */
    static BigDecimal distance(BigDecimal level, BigDecimal price) {
        return level.subtract(price).divide(price, 8, RoundingMode.HALF_EVEN);
    }

    /** 14:05 UTC on the day of {@code now} (UTC), else 2026-12-06 14:05 UTC. */
    static String when(Instant at, Instant now) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().equals(now.atZone(ZoneOffset.UTC).toLocalDate()) ? TIME.format(at) : DAY_TIME.format(at);
    }
}
