package io.signaldesk.analysis.llm;

import io.signaldesk.analysis.technical.TimeframeReading;
import io.signaldesk.market.Candle;
import io.signaldesk.market.Timeframe;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What the model is told about one timeframe: the last close, the technical analyst's indicator
 * values, the recent swing highs and lows, and a compact summary of the candles. Every number the
 * model may quote is here; nothing is rounded beyond 8 significant digits.
 */
record TimeframeFacts(Timeframe timeframe, Instant lastOpenTime, TimeframeReading reading, List<Swing> swingHighs,
                      List<Swing> swingLows, Range range, List<Candle> lastCandles) {

    /** Candles each side a swing high (low) must top (undercut). */
    static final int SWING_WINGS = 2;
    static final int SWINGS_SHOWN = 3;
    static final int SUMMARY_CANDLES = 100;
    static final int CANDLES_SHOWN = 8;

    record Swing(Instant openTime, BigDecimal price) {
    }

    /** High, low and change over the last {@link #SUMMARY_CANDLES} and the last 20 candles, and their mean volume. */
    record Range(int candles, BigDecimal high, BigDecimal low, double changePercent, double change20Percent,
                 BigDecimal meanVolume) {
    }

    /** @param reading the indicators at the last of {@code candles} ({@link TimeframeReading#of}, or the stored equal) */
    static TimeframeFacts of(Timeframe timeframe, List<Candle> candles, TimeframeReading reading) {
        List<Candle> recent = candles.subList(Math.max(0, candles.size() - SUMMARY_CANDLES), candles.size());
        return new TimeframeFacts(timeframe, candles.getLast().openTime(), reading,
                swings(recent, Candle::high, 1), swings(recent, Candle::low, -1), range(recent),
                candles.subList(Math.max(0, candles.size() - CANDLES_SHOWN), candles.size()));
    }

    /** The newest swings first: a high above (a low below) the {@value #SWING_WINGS} candles each side. */
    private static List<Swing> swings(List<Candle> candles, Function<Candle, BigDecimal> price, int sign) {
        List<Swing> found = new ArrayList<>();
        for (int i = candles.size() - 1 - SWING_WINGS; i >= SWING_WINGS && found.size() < SWINGS_SHOWN; i--) {
            BigDecimal pivot = price.apply(candles.get(i));
            boolean extreme = true;
            for (int j = i - SWING_WINGS; j <= i + SWING_WINGS && extreme; j++) {
                extreme = j == i || pivot.compareTo(price.apply(candles.get(j))) * sign > 0;
            }
            if (extreme) {
                found.add(new Swing(candles.get(i).openTime(), pivot));
            }
        }
        return found;
    }

    private static Range range(List<Candle> candles) {
        BigDecimal high = candles.stream().map(Candle::high).reduce(BigDecimal::max).orElseThrow();
        BigDecimal low = candles.stream().map(Candle::low).reduce(BigDecimal::min).orElseThrow();
        BigDecimal volume = candles.stream().map(Candle::volume).reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(candles.size()), PromptNumber.DIGITS);
        double last = candles.getLast().close().doubleValue();
        double twentyAgo = candles.get(Math.max(0, candles.size() - 21)).close().doubleValue();
        return new Range(candles.size(), high, low, percent(candles.getFirst().open().doubleValue(), last),
                percent(twentyAgo, last), volume);
    }

    private static double percent(double from, double to) {
        return from == 0 ? 0 : (to - from) / from * 100;
    }

    /** The facts as the prompt shows them: a few short lines. */
    String render() {
        TimeframeReading r = reading;
        var text = new StringBuilder();
        text.append("[").append(timeframe).append("] last closed candle opened ").append(lastOpenTime)
                .append("; close ").append(PromptNumber.of(r.close())).append('\n');
        text.append("  EMA20 ").append(PromptNumber.of(r.ema20())).append(", EMA50 ").append(PromptNumber.of(r.ema50()))
                .append(", SMA50 ").append(PromptNumber.of(r.sma50())).append('\n');
        text.append("  RSI14 ").append(fixed(r.rsi(), 1)).append("; MACD 12/26/9 ").append(PromptNumber.of(r.macd()))
                .append(", signal ").append(PromptNumber.of(r.macdSignal())).append(", histogram ").append(PromptNumber.of(r.macdHistogram())).append('\n');
        text.append("  Bollinger 20/2 upper ").append(PromptNumber.of(r.bollingerUpper())).append(", middle (SMA20) ").append(PromptNumber.of(r.bollingerMiddle()))
                .append(", lower ").append(PromptNumber.of(r.bollingerLower())).append("; ATR14 ").append(PromptNumber.of(r.atr())).append('\n');
        text.append("  swing highs (newest first): ").append(swings(swingHighs)).append('\n');
        text.append("  swing lows (newest first): ").append(swings(swingLows)).append('\n');
        text.append("  last ").append(range.candles()).append(" candles: high ").append(range.high().toPlainString())
                .append(", low ").append(range.low().toPlainString()).append(", change ").append(signedPercent(range.changePercent()))
                .append("; last 20: change ").append(signedPercent(range.change20Percent()))
                .append("; mean volume ").append(range.meanVolume().toPlainString()).append('\n');
        text.append("  last ").append(lastCandles.size()).append(" candles, oldest first (open high low close volume):");
        for (Candle c : lastCandles) {
            text.append("\n    ").append(c.open().toPlainString()).append(' ').append(c.high().toPlainString()).append(' ')
                    .append(c.low().toPlainString()).append(' ').append(c.close().toPlainString()).append(' ')
                    .append(PromptNumber.of(c.volume()));
        }
        return text.toString();
    }

    private static String swings(List<Swing> swings) {
        if (swings.isEmpty()) {
            return "none";
        }
        return String.join("; ", swings.stream().map(s -> s.price().toPlainString() + " at " + s.openTime()).toList());
    }

    private static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String signedPercent(double value) {
        return String.format(Locale.ROOT, "%+.2f %%", value);
    }
}
