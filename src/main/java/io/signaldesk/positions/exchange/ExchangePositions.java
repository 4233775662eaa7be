package io.signaldesk.positions.exchange;

import io.signaldesk.accounts.AccountPositions;
import io.signaldesk.accounts.HeldPosition;
import io.signaldesk.positions.book.Position;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** How an exchange's position becomes, and refreshes, a row of the book. */
final class ExchangePositions {

    private static final BigDecimal MAX_LEVERAGE = new BigDecimal("125");

    private ExchangePositions() {
    }

    /** The exchange's key of a position in one account: pair and side, e.g. {@code BTC/USDT:LONG}. */
    static String externalId(HeldPosition held) {
        return held.pair() + ":" + held.side().name();
    }

    static Position opened(AccountPositions.Read account, HeldPosition held, String externalId, int number, Instant now) {
        return new Position(null, account.userId(), account.accountId(), number, account.exchange().id(), held.pair(),
                Position.Side.valueOf(held.side().name()), held.entry(), held.size(), leverage(held.leverage()), null, null, null, null,
                Position.Source.EXCHANGE, null, null, null, externalId, Position.Status.OPEN, now, null, null, null, null, held.mark(),
                held.mark() == null ? null : now, null);
    }

    /** The position with the exchange's size, entry, leverage and (when it sent one) mark; the rest kept. */
    static Position refreshed(Position known, HeldPosition held, Instant now) {
        BigDecimal mark = held.mark() != null ? held.mark() : known.markPrice();
        Instant markedAt = held.mark() != null ? now : known.markedAt();
        return new Position(known.id(), known.userId(), known.accountId(), known.number(), known.exchange(), known.pair(), known.side(),
                held.entry(), held.size(), leverage(held.leverage()), known.stopLoss(), known.takeProfit1(), known.takeProfit2(),
                known.takeProfit3(), known.source(), known.signalId(), known.bot(), known.subscriptionId(), known.externalId(),
                known.status(), known.openedAt(), known.closedAt(), known.exitPrice(), known.realizedPnl(), known.closeReason(), mark,
                markedAt, known.version());
    }

    /** Within what the book holds: 1 to 125, two decimals. */
    static BigDecimal leverage(BigDecimal leverage) {
        BigDecimal bounded = leverage.max(BigDecimal.ONE).min(MAX_LEVERAGE);
        return bounded.setScale(2, RoundingMode.HALF_UP);
    }
}
