package io.signaldesk.positions.book;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One position of a user in one account. An aggregate changed through {@link PositionBook} with optimistic locking;
 * closing goes through {@link ClosePosition}, which closes it once whoever asks.
 *
 * @param number   the user's own running number, shown as {@code #3}
 * @param exchange the market its price comes from ({@code binance}, {@code sim}, …); for a paper position the one it was
 *                 opened on
 * @param size     in base units (BTC for BTC/USDT), always positive; the side says which way
 */
@Table("position")
public record Position(
        @Id Long id,
        long userId,
        long accountId,
        int number,
        String exchange,
        String pair,
        Side side,
        BigDecimal entry,
        BigDecimal size,
        BigDecimal leverage,
        BigDecimal stopLoss,
        @Column("take_profit_1") BigDecimal takeProfit1,
        @Column("take_profit_2") BigDecimal takeProfit2,
        @Column("take_profit_3") BigDecimal takeProfit3,
        Source source,
        Long signalId,
        String bot,
        Long subscriptionId,
        String externalId,
        Status status,
        Instant openedAt,
        Instant closedAt,
        BigDecimal exitPrice,
        BigDecimal realizedPnl,
        CloseReason closeReason,
        BigDecimal markPrice,
        Instant markedAt,
        @Version Long version) {

    public enum Side {
        LONG, SHORT;

        /** +1 for a long, −1 for a short: profit is (price − entry) × size × sign. */
        public int sign() {
            return this == LONG ? 1 : -1;
        }
    }

    public enum Source {
        EXCHANGE, MANUAL, SIGNAL
    }

    public enum Status {
        OPEN, CLOSED
    }

    public enum CloseReason {
        MANUAL, STOP, TARGET, EXCHANGE
    }

    public boolean open() {
        return status == Status.OPEN;
    }

    /**
     * Whether the trade is held on an exchange: a position the sync brought in, a stand-in for one ("Already on the
     * exchange", until linked) or one linked to it. Only the exchange closes such a trade; here it is never closed on
     * paper (no self-close at a level, no /close): its owner says "Closed it".
     */
    public boolean heldOnExchange() {
        return source == Source.EXCHANGE || externalId != null;
    }

    /** The targets set, nearest first as given. */
    public List<BigDecimal> targets() {
        return Stream.of(takeProfit1, takeProfit2, takeProfit3).filter(Objects::nonNull).toList();
    }

    /** Profit (negative: loss) in the quote currency if closed at {@code price}: (price − entry) × size × side. */
    public BigDecimal pnlAt(BigDecimal price) {
        return price.subtract(entry).multiply(size).multiply(BigDecimal.valueOf(side.sign()));
    }

    /** The margin it ties up: entry × size ÷ leverage. */
    public BigDecimal margin() {
        return entry.multiply(size).divide(leverage, 12, RoundingMode.HALF_EVEN);
    }

    /** Profit at {@code price} as a share of its margin (the return on equity leverage gives): 0.25 = +25 %. */
    public BigDecimal returnOnMarginAt(BigDecimal price) {
        return pnlAt(price).divide(margin(), 8, RoundingMode.HALF_EVEN);
    }

    /** Profit at {@code price} in R (multiples of what the stop risks); empty without a stop. */
    public java.util.Optional<BigDecimal> rAt(BigDecimal price) {
        if (stopLoss == null || stopLoss.compareTo(entry) == 0) {
            return java.util.Optional.empty();
        }
        BigDecimal risk = entry.subtract(stopLoss).abs().multiply(size);
        return java.util.Optional.of(pnlAt(price).divide(risk, 4, RoundingMode.HALF_EVEN));
    }

    /** Marked at {@code price} at {@code at}. */
    public Position markedAt(BigDecimal price, Instant at) {
        return new Position(id, userId, accountId, number, exchange, pair, side, entry, size, leverage, stopLoss, takeProfit1,
                takeProfit2, takeProfit3, source, signalId, bot, subscriptionId, externalId, status, openedAt, closedAt, exitPrice,
                realizedPnl, closeReason, price, at, version);
    }

    /** With another stop (e.g. moved to entry). */
    public Position withStop(BigDecimal stop) {
        return new Position(id, userId, accountId, number, exchange, pair, side, entry, size, leverage, stop, takeProfit1,
                takeProfit2, takeProfit3, source, signalId, bot, subscriptionId, externalId, status, openedAt, closedAt, exitPrice,
                realizedPnl, closeReason, markPrice, markedAt, version);
    }
}
