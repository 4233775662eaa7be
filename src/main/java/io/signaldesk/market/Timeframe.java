package io.signaldesk.market;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A candle interval. Candles open on multiples of the interval since the epoch (UTC). */
public enum Timeframe {
    M1("1m", Duration.ofMinutes(1)),
    M3("3m", Duration.ofMinutes(3)),
    M5("5m", Duration.ofMinutes(5)),
    M15("15m", Duration.ofMinutes(15)),
    M30("30m", Duration.ofMinutes(30)),
    H1("1h", Duration.ofHours(1)),
    H2("2h", Duration.ofHours(2)),
    H4("4h", Duration.ofHours(4)),
    H6("6h", Duration.ofHours(6)),
    H12("12h", Duration.ofHours(12)),
    D1("1d", Duration.ofDays(1));

    private final String code;
    private final Duration duration;

    Timeframe(String code, Duration duration) {
        this.code = code;
        this.duration = duration;
    }

    /** The short form users type and we store, e.g. {@code 30m}, {@code 4h}. */
    public String code() {
        return code;
    }

    public Duration duration() {
        return duration;
    }

    /** The open time of the candle that contains {@code instant}. */
    public Instant openOf(Instant instant) {
        long millis = duration.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(instant.toEpochMilli(), millis) * millis);
    }

    /** How long after its close time a candle is taken as final: exchanges settle the last trades a moment late. */
    public static final Duration SETTLE = Duration.ofSeconds(5);

    /** Whether the candle opening at {@code openTime} is closed, and settled, at {@code now}. */
    public boolean closedAt(Instant openTime, Instant now) {
        return !closeOf(openTime).plus(SETTLE).isAfter(now);
    }

    /** The close time of the candle that opens at {@code openTime}. */
    public Instant closeOf(Instant openTime) {
        return openTime.plus(duration);
    }

    /** Parses a code such as {@code 30m}, {@code 4H} or {@code 1D}, case-insensitively. */
    public static Optional<Timeframe> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(timeframe -> timeframe.code.equals(wanted)).findFirst();
    }

    @Override
    public String toString() {
        return code;
    }
}
