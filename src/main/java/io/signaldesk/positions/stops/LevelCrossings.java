package io.signaldesk.positions.stops;

import io.signaldesk.market.Candle;
import io.signaldesk.market.Timeframe;
import io.signaldesk.positions.book.Position;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which of a position's levels price crossed, a pure function in the spirit of the signals' outcome judge: only candles
 * that <b>open at or after {@code from}</b> count (the position's opening, or the end of its last check): what price
 * did before the position existed crosses nothing. Inside one candle the order of moves is unknown, so the cautious
 * reading holds: in a candle that crosses the stop, no target counts. Each level counts once, at the first candle that
 * crosses it; a level already alerted is left out.
 */
final class LevelCrossings {

    private LevelCrossings() {
    }

    /** The crossings on closed candles of {@code timeframe}, oldest first, in the order they happened. */
    static List<Crossing> onCandles(Position position, List<Candle> candles, Timeframe timeframe, Instant from, Set<Level> alerted) {
        Set<Level> seen = alerted.isEmpty() ? EnumSet.noneOf(Level.class) : EnumSet.copyOf(alerted);
        List<Crossing> crossings = new ArrayList<>();
        for (Candle candle : candles) {
            if (candle.openTime().isBefore(from)) {
                continue;
            }
            crossings.addAll(within(position, candle.low(), candle.high(), timeframe.closeOf(candle.openTime()), seen));
        }
        return crossings;
    }

    /** The crossings the last price shows, at {@code at}: for when no candle since {@code from} is stored. */
    static List<Crossing> atPrice(Position position, BigDecimal price, Instant at, Set<Level> alerted) {
        Set<Level> seen = alerted.isEmpty() ? EnumSet.noneOf(Level.class) : EnumSet.copyOf(alerted);
        return within(position, price, price, at, seen);
    }

    private static List<Crossing> within(Position position, BigDecimal low, BigDecimal high, Instant at, Set<Level> seen) {
        List<Crossing> crossings = new ArrayList<>();
        boolean stopped = Level.STOP.crossedBy(position, low, high);
        for (Level level : Level.values()) {
            boolean counts = level == Level.STOP ? stopped : !stopped && level.crossedBy(position, low, high);
            if (counts && seen.add(level)) {
                crossings.add(new Crossing(level, level.priceOn(position).orElseThrow(), at));
            }
        }
        return crossings;
    }
}
