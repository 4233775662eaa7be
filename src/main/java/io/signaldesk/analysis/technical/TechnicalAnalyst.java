package io.signaldesk.analysis.technical;

import io.signaldesk.analysis.Action;
import io.signaldesk.analysis.MarketSnapshot;
import io.signaldesk.analysis.Proposal;
import io.signaldesk.analysis.SeriesAnalyst;
import io.signaldesk.market.Candle;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The deterministic technical analyst, always available. With the timeframes sorted, the
 * <b>highest</b> gives the trend, the <b>middle</b> one the momentum, the <b>lowest</b> the trigger
 * (with one or two timeframes, roles share them):
 * <ul>
 *   <li>trend up: close above EMA 50 and EMA 20 above EMA 50 (down: both below);</li>
 *   <li>momentum up: MACD histogram above 0 and RSI between 50 and 70 (down: below 0, RSI 30–50);</li>
 *   <li>trigger up: close crossed above EMA 20, or MACD above its signal, within the last three
 *       candles, with the close under the upper Bollinger band and RSI under 70 (down: mirrored).</li>
 * </ul>
 * BUY when trend and trigger are up and momentum is not down; SELL mirrored; HOLD otherwise.
 * Confidence is 0.45 plus 0.15 for each of the three roles that agree (0.75 or 0.9). Entry is the
 * last close; the stop-loss lies 1.5 ATR(14) of the trigger timeframe away; take-profits lie at the
 * bot's minimum reward-to-risk and twice it. Fewer than {@value TimeframeReading#WARM_UP} candles on
 * any timeframe gives HOLD with that reason, never a guess.
 *
 * <p>Each indicator is computed once per series ({@link TimeframeSeries}) and read at an index: a replay over a
 * year reads a year of indicators; the live {@link #analyze} reads each timeframe's reading at its last snapshot
 * candle through a {@link ReadingSource} (the stored indicators when computed over the same candles, else the same
 * computation).
 */
@Component
public class TechnicalAnalyst implements SeriesAnalyst {

    public static final String NAME = "technical";
    static final String VERSION = "1";
    private static final double STOP_ATR = 1.5;
    private static final int PRICE_DIGITS = 8;

    private final ReadingSource readings;

    private enum Direction {
        UP, DOWN, FLAT;

        private final String word = name().toLowerCase(Locale.ROOT);
    }

    /** An analyst that computes every reading itself (tests, benchmarks, the backtest's replay). */
    public TechnicalAnalyst() {
        this(ReadingSource.COMPUTED);
    }

    /** @param readings where the live {@link #analyze} reads each timeframe's indicators (stored when current) */
    @Autowired
    public TechnicalAnalyst(ReadingSource readings) {
        this.readings = readings;
    }

    /** Where this analyst's live readings come from: the LLM prompt quotes the same ones. */
    public ReadingSource readings() {
        return readings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return VERSION;
    }

    /**
     * The rule on each timeframe's reading at its last snapshot candle, read through {@link #readings()} (stored
     * indicators when they were computed over the same candles): equal to {@link #replay} over the snapshot's candles
     * read at the last close among them, the code a backtest runs.
     */
    @Override
    public Proposal analyze(MarketSnapshot snapshot) {
        for (Map.Entry<Timeframe, List<Candle>> entry : snapshot.candles().entrySet()) {
            if (entry.getValue().size() < TimeframeReading.WARM_UP) {
                return tooFew(entry.getKey(), entry.getValue().size());
            }
        }
        TimeframeReading[] read = new TimeframeReading[snapshot.candles().size()];
        int i = 0;
        for (Map.Entry<Timeframe, List<Candle>> entry : snapshot.candles().entrySet()) {
            read[i++] = readings.reading(snapshot.exchange(), snapshot.symbol(), entry.getKey(), entry.getValue());
        }
        BigDecimal lastClose = snapshot.candles().firstEntry().getValue().getLast().close();
        return decide(read, lastClose, snapshot.minRiskReward());
    }

    /**
     * Every indicator of every timeframe built now over all {@code candles}; each value is computed once, the first
     * time a close reads it. The replay is meant for one thread (a backtest reads its closes in order).
     */
    @Override
    public Replay replay(ExchangeId exchange, Symbol symbol, SortedMap<Timeframe, List<Candle>> candles,
                         BigDecimal minRiskReward) {
        if (candles.isEmpty()) {
            throw new IllegalArgumentException("a replay needs at least one timeframe");
        }
        List<TimeframeSeries> series = new ArrayList<>(candles.size());
        candles.forEach((timeframe, list) -> series.add(TimeframeSeries.over(timeframe, list)));
        return close -> decide(series, close, minRiskReward);
    }

    /** The rule above on the candles of each timeframe closed at or before {@code close}. */
    private static Proposal decide(List<TimeframeSeries> series, Instant close, BigDecimal minRiskReward) {
        TimeframeReading[] readings = new TimeframeReading[series.size()];
        int triggerIndex = -1;
        for (int i = 0; i < readings.length; i++) {
            TimeframeSeries timeframe = series.get(i);
            int index = timeframe.lastClosedAt(close);
            if (index + 1 < TimeframeReading.WARM_UP) {
                return tooFew(timeframe.timeframe(), index + 1);
            }
            readings[i] = timeframe.readingAt(index);
            triggerIndex = i == 0 ? index : triggerIndex;
        }
        return decide(readings, series.getFirst().candle(triggerIndex).close(), minRiskReward);
    }

    private static Proposal tooFew(Timeframe timeframe, int candles) {
        return Proposal.hold("Too few candles on %s: %d of the %d the indicators need."
                .formatted(timeframe, candles, TimeframeReading.WARM_UP), NAME, VERSION);
    }

    /** The rule on one reading per timeframe (smallest first); {@code lastClose} is the trigger timeframe's last close. */
    private static Proposal decide(TimeframeReading[] readings, BigDecimal lastClose, BigDecimal minRiskReward) {
        TimeframeReading trigger = readings[0];
        TimeframeReading momentum = readings[readings.length / 2];
        TimeframeReading trend = readings[readings.length - 1];
        Direction trendDirection = trend(trend);
        Direction momentumDirection = momentum(momentum);
        Direction triggerDirection = trigger(trigger);
        String reasoning = new StringBuilder(128)
                .append(trend.timeframe().code()).append(" trend ").append(trendDirection.word)
                .append(" (close ").append(price(trend.close())).append(", EMA50 ").append(price(trend.ema50()))
                .append("); ").append(momentum.timeframe().code()).append(" momentum ").append(momentumDirection.word)
                .append(" (MACD hist ").append(signed(momentum.macdHistogram())).append(", RSI ")
                .append(whole(momentum.rsi())).append("); ").append(trigger.timeframe().code()).append(" trigger ")
                .append(triggerDirection.word).append('.').toString();
        Direction side = trendDirection == triggerDirection && trendDirection != Direction.FLAT
                && momentumDirection != opposite(trendDirection) ? trendDirection : Direction.FLAT;
        if (side == Direction.FLAT || trigger.atr() <= 0) {
            return Proposal.hold(reasoning, NAME, VERSION);
        }
        int agreeing = 2 + (momentumDirection == side ? 1 : 0);
        return proposal(side == Direction.UP ? Action.BUY : Action.SELL, 0.45 + 0.15 * agreeing, lastClose,
                trigger.atr(), minRiskReward, reasoning);
    }

    private static Proposal proposal(Action action, double confidence, BigDecimal lastClose, double atr,
                                     BigDecimal minRiskReward, String reasoning) {
        int sign = action == Action.BUY ? 1 : -1;
        double entry = lastClose.doubleValue();
        double risk = STOP_ATR * atr;
        double reward = minRiskReward.doubleValue();
        return new Proposal(action, Math.round(confidence * 100) / 100.0, lastClose, price(entry - sign * risk),
                List.of(price(entry + sign * reward * risk), price(entry + sign * 2 * reward * risk)),
                minRiskReward, reasoning, NAME, VERSION);
    }

    private static Direction trend(TimeframeReading r) {
        if (r.close() > r.ema50() && r.ema20() > r.ema50()) {
            return Direction.UP;
        }
        return r.close() < r.ema50() && r.ema20() < r.ema50() ? Direction.DOWN : Direction.FLAT;
    }

    private static Direction momentum(TimeframeReading r) {
        if (r.macdHistogram() > 0 && r.rsi() > 50 && r.rsi() < 70) {
            return Direction.UP;
        }
        return r.macdHistogram() < 0 && r.rsi() < 50 && r.rsi() > 30 ? Direction.DOWN : Direction.FLAT;
    }

    private static Direction trigger(TimeframeReading r) {
        if ((r.emaCrossUp() || r.macdCrossUp()) && r.close() < r.bollingerUpper() && r.rsi() < 70) {
            return Direction.UP;
        }
        return (r.emaCrossDown() || r.macdCrossDown()) && r.close() > r.bollingerLower() && r.rsi() > 30
                ? Direction.DOWN : Direction.FLAT;
    }

    private static Direction opposite(Direction direction) {
        return direction == Direction.UP ? Direction.DOWN : Direction.UP;
    }

    /**
     * A whole number, rounded half up, as {@code %.0f} printed it (the reasoning is built without a formatter: it is
     * made at every decision of a replay).
     */
    private static String whole(double value) {
        return value >= 0 && value < 1e15 ? Long.toString(Math.round(value)) : String.format(Locale.ROOT, "%.0f", value);
    }

    /** 8 significant digits, as {@code new BigDecimal(value, new MathContext(8))}. */
    private static BigDecimal price(double value) {
        return SignificantDigits.round(value, PRICE_DIGITS);
    }

    private static String signed(double value) {
        return (value >= 0 ? "+" : "") + SignificantDigits.round(value, 4).toPlainString();
    }
}
