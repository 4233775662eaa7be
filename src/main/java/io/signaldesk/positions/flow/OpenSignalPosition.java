package io.signaldesk.positions.flow;

import io.signaldesk.analysis.Action;
import io.signaldesk.positions.AwaitingExchangeLink;
import io.signaldesk.positions.book.Position;
import io.signaldesk.positions.book.PositionBook;
import io.signaldesk.signals.SignalTaken;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opens the paper position of a taken signal in the taker's paper account, with the signal's exchange, pair, entry,
 * stop and (up to three) targets, side BUY → LONG, SELL → SHORT, source SIGNAL, its signal, bot and subscription, and
 * changes its size or marks it as already on the exchange afterwards. The user's running number is the next free one;
 * two positions opened at once collide on the unique (user, number) key, and the loser retries once with the next.
 */
@Component
class OpenSignalPosition {

    private final PositionBook book;
    private final JdbcClient jdbc;

    OpenSignalPosition(PositionBook book, JdbcClient jdbc) {
        this.book = book;
        this.jdbc = jdbc;
    }

    Position open(SignalTaken taken, long paperAccountId, BigDecimal size) {
        try {
            return book.save(position(taken, paperAccountId, size));
        } catch (RuntimeException e) {
            if (!duplicate(e)) {
                throw e;
            }
            return book.save(position(taken, paperAccountId, size));
        }
    }

    /** Sets the size of an open position of the user; false when it is no longer open (or not theirs). */
    boolean resize(Position position, BigDecimal size) {
        return jdbc.sql("update position set size = ?, version = version + 1 where id = ? and user_id = ? and status = 'OPEN'")
                .params(size, position.id(), position.userId()).update() == 1;
    }

    /** Marks an open position of the user as a stand-in for its exchange position ({@link AwaitingExchangeLink}). */
    boolean awaitExchange(Position position) {
        return jdbc.sql("update position set external_id = ?, version = version + 1 where id = ? and user_id = ? and status = 'OPEN'")
                .params(AwaitingExchangeLink.externalId(position.pair(), position.side().name(), position.number()), position.id(),
                        position.userId()).update() == 1;
    }

    private Position position(SignalTaken taken, long accountId, BigDecimal size) {
        List<BigDecimal> targets = taken.takeProfits();
        Position.Side side = taken.action() == Action.SELL ? Position.Side.SHORT : Position.Side.LONG;
        return new Position(null, taken.userId(), accountId, book.nextNumber(taken.userId()), taken.exchange(), taken.symbol(), side,
                taken.entry(), size, BigDecimal.ONE, taken.stopLoss(), target(targets, 0), target(targets, 1), target(targets, 2),
                Position.Source.SIGNAL, taken.signalId(), taken.bot(), taken.subscriptionId(), null, Position.Status.OPEN,
                taken.takenAt(), null, null, null, null, null, null, null);
    }

    private static BigDecimal target(List<BigDecimal> targets, int index) {
        return targets.size() > index ? targets.get(index) : null;
    }

    private static boolean duplicate(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DuplicateKeyException) {
                return true;
            }
        }
        return false;
    }
}
