package io.signaldesk.analysis.technical;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A double rounded half up to a few significant digits, exactly as {@code new BigDecimal(value, new
 * MathContext(digits))} does (same digits, same scale), without expanding the double's whole binary value into a
 * big integer first: that expansion was a fifth of a replay's time. The value is scaled by a power of ten in
 * double arithmetic (one correctly rounded operation, error far below 10<sup>-6</sup> of the last digit kept);
 * only when the discarded part is that close to a tie (…5) does it fall back to the exact constructor. When it is
 * that close to nothing, the value is a short decimal, and whether the double is exactly it (0.5, 1200) or only
 * near it (3921.64) decides the scale, as in the constructor.
 */
final class SignificantDigits {

    /** Most digits kept: 10<sup>9</sup> times the double error (2<sup>-53</sup>) stays far below the tolerance. */
    static final int MAX_DIGITS = 9;
    private static final double TOLERANCE = 1e-6;
    private static final double[] POWERS = new double[23];
    /** Five to the powers 0 to 22: a decimal with that many places is a binary fraction when it divides its digits. */
    private static final long[] FIVES = new long[23];

    static {
        double power = 1;
        for (int i = 0; i < POWERS.length; i++) {
            POWERS[i] = power;
            power *= 10;
        }
        FIVES[0] = 1;
        for (int i = 1; i < FIVES.length; i++) {
            FIVES[i] = FIVES[i - 1] * 5;
        }
    }

    private SignificantDigits() {
    }

    /** {@code new BigDecimal(value, new MathContext(digits))}, quicker; digits 1 to {@value #MAX_DIGITS}. */
    static BigDecimal round(double value, int digits) {
        if (digits < 1 || digits > MAX_DIGITS) {
            throw new IllegalArgumentException("1 to " + MAX_DIGITS + " significant digits, not " + digits);
        }
        double magnitude = Math.abs(value);
        if (!(magnitude > 1e-200 && magnitude < 1e200)) {
            return exact(value, digits);
        }
        int scale = digits - 1 - (int) Math.floor(Math.log10(magnitude));
        double scaled = scaled(magnitude, scale);
        if (scaled < POWERS[digits - 1]) {
            scale++;
            scaled = scaled(magnitude, scale);
        } else if (scaled >= POWERS[digits]) {
            scale--;
            scaled = scaled(magnitude, scale);
        }
        if (Double.isNaN(scaled) || scaled < POWERS[digits - 1] || scaled >= POWERS[digits]) {
            return exact(value, digits);
        }
        double whole = Math.floor(scaled);
        double fraction = scaled - whole;
        if (Math.abs(fraction - 0.5) < TOLERANCE) {
            return exact(value, digits);
        }
        long unscaled = (long) whole + (fraction > 0.5 ? 1 : 0);
        if (fraction < TOLERANCE || fraction > 1 - TOLERANCE) {
            BigDecimal exactly = shortExact(magnitude, unscaled, scale);
            if (exactly != null) {
                return value < 0 ? exactly.negate() : exactly;
            }
        }
        if (unscaled == (long) POWERS[digits]) {
            unscaled /= 10;
            scale--;
        }
        return BigDecimal.valueOf(value < 0 ? -unscaled : unscaled, scale);
    }

    /**
     * The value itself when it is exactly {@code unscaled} × 10<sup>-scale</sup> (a short decimal a double holds
     * exactly, as 0.5 or 1200), with the trailing zeros of its fraction dropped, as the exact constructor gives it;
     * null when the double is only near that decimal (as 3921.64 is: then the constructor's expansion is rounded
     * and keeps the zeros).
     */
    private static BigDecimal shortExact(double magnitude, long unscaled, int scale) {
        long digits = unscaled;
        int places = scale;
        while (places > 0 && digits % 10 == 0) {
            digits /= 10;
            places--;
        }
        if (places < 0 || places >= POWERS.length) {
            return null;
        }
        return digits % FIVES[places] == 0 && digits / POWERS[places] == magnitude ? BigDecimal.valueOf(digits, places) : null;
    }

    /** {@code magnitude} times ten to {@code scale}, or NaN when that power is not an exact double. */
    private static double scaled(double magnitude, int scale) {
        if (scale >= 0) {
            return scale < POWERS.length ? magnitude * POWERS[scale] : Double.NaN;
        }
        return -scale < POWERS.length ? magnitude / POWERS[-scale] : Double.NaN;
    }

    private static BigDecimal exact(double value, int digits) {
        return new BigDecimal(value, new MathContext(digits));
    }
}
