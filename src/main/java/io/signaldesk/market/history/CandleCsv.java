package io.signaldesk.market.history;

import io.signaldesk.market.Candle;
import io.signaldesk.market.Timeframe;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads candles from CSV: the header {@code open_time,open,high,low,close,volume}, then one candle a line,
 * {@code open_time} in epoch milliseconds (UTC), prices and volume as plain decimals (e.g.
 * {@code 1704067200000,42283.58,42554.57,42261.02,42475.23,1271.68}). Every line is checked before anything is
 * taken: open times on the timeframe's grid and strictly increasing, prices positive, volume not negative,
 * {@code high >= max(open, close)} and {@code low <= min(open, close)}. Blank lines are skipped. The first bad
 * line ends the read with its line number and what a right one looks like.
 */
final class CandleCsv {

    static final String HEADER = "open_time,open,high,low,close,volume";
    private static final String EXAMPLE = "1704067200000,42283.58,42554.57,42261.02,42475.23,1271.68";

    /** A line the file may not have, with its number (1 is the header). */
    static final class Rejected extends RuntimeException {
        Rejected(long line, String problem) {
            super("line " + line + ": " + problem);
        }
    }

    private CandleCsv() {
    }

    /** Every candle of the file, oldest first; {@link Rejected} at the first bad line. */
    static List<Candle> read(BufferedReader in, Timeframe timeframe) throws IOException {
        String header = in.readLine();
        if (header == null) {
            throw new Rejected(1, "the file is empty; its first line must be the header " + HEADER);
        }
        String normalized = header.replace("\uFEFF", "").replace(" ", "").strip().toLowerCase(Locale.ROOT);
        if (!normalized.equals(HEADER)) {
            throw new Rejected(1, "the header must be " + HEADER + "; got \"" + header.strip() + "\"");
        }
        List<Candle> candles = new ArrayList<>();
        Instant previous = null;
        long number = 1;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            Candle candle = candle(number, line, timeframe);
            if (previous != null && !candle.openTime().isAfter(previous)) {
                throw new Rejected(number, "open_time " + candle.openTime().toEpochMilli() + " (" + candle.openTime()
                        + ") is not after the line before's (" + previous + "): open times must increase strictly");
            }
            previous = candle.openTime();
            candles.add(candle);
        }
        return candles;
    }

    private static Candle candle(long number, String line, Timeframe timeframe) {
        String[] fields = line.split(",", -1);
        if (fields.length != 6) {
            throw new Rejected(number, "expected 6 comma-separated values (" + HEADER + "), e.g. " + EXAMPLE + "; got "
                    + fields.length + ": \"" + line.strip() + "\"");
        }
        long millis;
        try {
            millis = Long.parseLong(fields[0].strip());
        } catch (NumberFormatException e) {
            throw new Rejected(number, "open_time must be epoch milliseconds, e.g. 1704067200000; got \"" + fields[0].strip() + "\"");
        }
        Instant open = Instant.ofEpochMilli(millis);
        if (!timeframe.openOf(open).equals(open)) {
            throw new Rejected(number, "open_time " + millis + " (" + open + ") is not the open of a " + timeframe
                    + " candle; " + timeframe + " candles open at multiples of " + timeframe.duration().toMillis()
                    + " ms since the epoch, e.g. " + timeframe.openOf(open).toEpochMilli());
        }
        BigDecimal o = decimal(number, "open", fields[1]);
        BigDecimal h = decimal(number, "high", fields[2]);
        BigDecimal l = decimal(number, "low", fields[3]);
        BigDecimal c = decimal(number, "close", fields[4]);
        BigDecimal v = decimal(number, "volume", fields[5]);
        for (BigDecimal price : new BigDecimal[] {o, h, l, c}) {
            if (price.signum() <= 0) {
                throw new Rejected(number, "prices must be above 0; got " + price.toPlainString());
            }
        }
        if (v.signum() < 0) {
            throw new Rejected(number, "volume must not be negative; got " + v.toPlainString());
        }
        if (h.compareTo(o.max(c)) < 0) {
            throw new Rejected(number, "high " + h.toPlainString() + " is below max(open, close) = " + o.max(c).toPlainString());
        }
        if (l.compareTo(o.min(c)) > 0) {
            throw new Rejected(number, "low " + l.toPlainString() + " is above min(open, close) = " + o.min(c).toPlainString());
        }
        return new Candle(open, o, h, l, c, v);
    }

    private static BigDecimal decimal(long number, String column, String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new Rejected(number, column + " must be a decimal number such as 42283.58; got \"" + text.strip() + "\"");
        }
    }
}
