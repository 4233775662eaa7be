package io.signaldesk.positions.book;

import java.math.BigDecimal;
import java.time.Clock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Records a new open position under the user's next running number. Two opens at once may pick the same number: the
 * unique key (user_id, number) refuses the second, which then retries once with the number after.
 */
@Component
public class OpenPosition {

    /** What to open: prices in the quote currency, size in base units, leverage 1 to 125. */
    public record Ask(long userId, long accountId, String exchange, String pair, Position.Side side, BigDecimal entry, BigDecimal size,
                      BigDecimal leverage, BigDecimal stopLoss, BigDecimal takeProfit, Position.Source source) {
    }

    private final PositionBook book;
    private final Clock clock;

    OpenPosition(PositionBook book, Clock clock) {
        this.book = book;
        this.clock = clock;
    }

    public Position open(Ask ask) {
        try {
            return book.save(position(ask, book.nextNumber(ask.userId())));
        } catch (RuntimeException first) {
            if (!duplicateKey(first)) {
                throw first;
            }
            return book.save(position(ask, book.nextNumber(ask.userId())));
        }
    }

    private Position position(Ask ask, int number) {
        return new Position(null, ask.userId(), ask.accountId(), number, ask.exchange(), ask.pair(), ask.side(), ask.entry(), ask.size(),
                ask.leverage(), ask.stopLoss(), ask.takeProfit(), null, null, ask.source(), null, null, null, null, Position.Status.OPEN,
                clock.instant(), null, null, null, null, null, null, null);
    }

    private static boolean duplicateKey(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DuplicateKeyException) {
                return true;
            }
        }
        return false;
    }
}
