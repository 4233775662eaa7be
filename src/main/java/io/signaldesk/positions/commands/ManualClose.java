package io.signaldesk.positions.commands;

import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketData;
import io.signaldesk.market.Symbol;
import io.signaldesk.positions.book.ClosePosition;
import io.signaldesk.positions.book.Position;
import io.signaldesk.positions.book.PositionBook;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A user closing one of their own manual or paper positions, by {@code /close} or the Close button: at the price they
 * give, or the exchange's last price now. Someone else's position is treated as unknown, a closed one and an exchange
 * position (closed on the exchange, then by its sync) are refused; the close itself happens once ({@link ClosePosition}).
 */
@Component
class ManualClose {

    sealed interface Outcome {
        /** @param lastPrice the exit is the last price asked now (not one the user gave) */
        record Closed(Position position, boolean lastPrice) implements Outcome {
        }

        record NotFound() implements Outcome {
        }

        record AlreadyClosed(Position position) implements Outcome {
        }

        record OnExchange(Position position) implements Outcome {
        }

        record NoPrice(Position position) implements Outcome {
        }
    }

    private final PositionBook book;
    private final ClosePosition close;
    private final MarketData market;
    private final Clock clock;

    ManualClose(PositionBook book, ClosePosition close, MarketData market, Clock clock) {
        this.book = book;
        this.close = close;
        this.market = market;
        this.clock = clock;
    }

    Outcome byNumber(long userId, int number, Optional<BigDecimal> price) {
        return book.findByUserIdAndNumber(userId, number).map(position -> close(position, price)).orElse(new Outcome.NotFound());
    }

    /** A Close button's press: the position by id, only if it is the presser's, at the last price. */
    Outcome byId(long userId, long positionId) {
        return book.findById(positionId).filter(position -> position.userId() == userId).map(position -> close(position, Optional.empty()))
                .orElse(new Outcome.NotFound());
    }

    private Outcome close(Position position, Optional<BigDecimal> price) {
        if (!position.open()) {
            return new Outcome.AlreadyClosed(position);
        }
        if (position.heldOnExchange()) {
            return new Outcome.OnExchange(position);
        }
        Optional<BigDecimal> exit = price.isPresent() ? price : lastPrice(position);
        if (exit.isEmpty()) {
            return new Outcome.NoPrice(position);
        }
        Instant now = clock.instant();
        return close.close(position.id(), exit.get(), Position.CloseReason.MANUAL, now)
                .<Outcome>map(closed -> new Outcome.Closed(closed, price.isEmpty()))
                .orElseGet(() -> new Outcome.AlreadyClosed(book.findById(position.id()).orElse(position)));
    }

    private Optional<BigDecimal> lastPrice(Position position) {
        Optional<ExchangeId> exchange = ExchangeId.parse(position.exchange());
        if (exchange.isEmpty()) {
            return Optional.empty();
        }
        try {
            return market.lastPrice(exchange.get(), Symbol.parse(position.pair()));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
