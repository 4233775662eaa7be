package io.signaldesk.market.exchange.sim;

/**
 * A deterministic random walk of a log price over continuous time: fractal value noise, i.e. the sum
 * of smoothly interpolated seeded random values on lattices from 1 minute to about 90 days apart,
 * each octave's amplitude growing with the square root of its spacing as a random walk's does. The
 * slow octaves make trends; the fast ones are scaled by a slowly varying volatility regime (calm
 * stretches and wild ones). The same (seed, time) always gives the same price, so any history is
 * available at once and every timeframe agrees with every other.
 */
final class PricePath {

    /** Log-price standard deviation per square root of a minute (about 3.8 % a day at regime 1). */
    private static final double SIGMA = 0.001;
    private static final double[] SPACINGS_MINUTES = spacings();
    private static final double REGIME_SPACING_MINUTES = 2 * 24 * 60;
    private static final double FAST_OCTAVE_LIMIT_MINUTES = 24 * 60;

    private final long seed;

    PricePath(long seed) {
        this.seed = seed;
    }

    /** The log of the price relative to the base price at epoch minute {@code minute}. */
    double logPrice(double minute) {
        double regime = 0.4 + 1.2 * (valueNoise(minute / REGIME_SPACING_MINUTES, seed ^ 0x5DEECE66DL) + 1) / 2;
        double sum = 0;
        for (int octave = 0; octave < SPACINGS_MINUTES.length; octave++) {
            double spacing = SPACINGS_MINUTES[octave];
            double amplitude = 1.5 * SIGMA * Math.sqrt(spacing) * (spacing < FAST_OCTAVE_LIMIT_MINUTES ? regime : 1);
            sum += amplitude * valueNoise(minute / spacing, seed + 0x9E3779B97F4A7C15L * (octave + 1));
        }
        return sum;
    }

    /** A value in [-1, 1] that varies smoothly with {@code x}, random at each integer. */
    static double valueNoise(double x, long seed) {
        double floor = Math.floor(x);
        long cell = (long) floor;
        double fraction = x - floor;
        double smooth = fraction * fraction * (3 - 2 * fraction);
        double left = lattice(cell, seed);
        double right = lattice(cell + 1, seed);
        return left + (right - left) * smooth;
    }

    private static double lattice(long cell, long seed) {
        long z = cell * 0xBF58476D1CE4E5B9L + seed;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53 * 2 - 1;
    }

    private static double[] spacings() {
        double[] spacings = new double[18];
        for (int i = 0; i < spacings.length; i++) {
            spacings[i] = Math.pow(2, i);
        }
        return spacings;
    }
}
