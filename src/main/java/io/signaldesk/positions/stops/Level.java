package io.signaldesk.positions.stops;

import io.signaldesk.positions.book.Position;
import java.math.BigDecimal;
import java.util.Optional;

/** A level of a position that is alerted once: its stop or one of its three targets ({@code position_alert.level}). */
enum Level {
    STOP, TP1, TP2, TP3;

    /** The level's price on this position; empty when it has none. */
    Optional<BigDecimal> priceOn(Position position) {
        return Optional.ofNullable(switch (this) {
            case STOP -> position.stopLoss();
            case TP1 -> position.takeProfit1();
            case TP2 -> position.takeProfit2();
            case TP3 -> position.takeProfit3();
        });
    }

    /**
     * Whether a price range [low, high] crosses the level: a long's stop when low ≤ stop, a short's when high ≥ stop;
     * a long's target when high ≥ target, a short's when low ≤ target.
     */
    boolean crossedBy(Position position, BigDecimal low, BigDecimal high) {
        BigDecimal price = priceOn(position).orElse(null);
        if (price == null) {
            return false;
        }
        boolean downwards = (this == STOP) == (position.side() == Position.Side.LONG);
        return downwards ? low.compareTo(price) <= 0 : high.compareTo(price) >= 0;
    }

    /** How a close at this level is recorded. */
    Position.CloseReason closeReason() {
        return this == STOP ? Position.CloseReason.STOP : Position.CloseReason.TARGET;
    }
}
