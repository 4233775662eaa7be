package io.signaldesk.positions.stops;

import io.signaldesk.market.Candle;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketData;
import io.signaldesk.market.MarketType;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.positions.PositionLevelCrossed;
import io.signaldesk.positions.book.ClosePosition;
import io.signaldesk.positions.book.Position;
import io.signaldesk.positions.book.PositionBook;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code positions.check-stops}: for every open position with a stop or a target, whether price crossed one of them
 * since the position was opened (or since its last check), on the market module's stored closed candles (1m, else 5m;
 * the perpetual market, else spot) that open at or after that point ({@link LevelCrossings}); when no such candle is
 * stored, on the exchange's last price (the check then does not move forward, so the candles are read when they come).
 *
 * <p>Each crossing is recorded in its own transaction that first locks the position's row: the {@code position_alert}
 * key admits one row per position and level, and only the transaction that inserted it publishes
 * {@link PositionLevelCrossed} (the alert is written to the outbox by its listener in that transaction). So two instances
 * and a restart alert once. A paper position (source MANUAL or SIGNAL) closes itself at the first level crossed, at
 * that level's price ({@link ClosePosition}: once); an exchange position, and a paper stand-in for a trade held on the
 * exchange ({@link io.signaldesk.positions.AwaitingExchangeLink}), is only alerted, with "Closed it" / "Still open".
 */
@Component
class CheckStops {

    private static final Logger log = LoggerFactory.getLogger(CheckStops.class);

    /** The most candles read per position and run: 25 hours of 1m candles; a longer gap is caught up over runs. */
    static final int CANDLES_PER_RUN = 1500;
    private static final List<MarketType> MARKETS = List.of(MarketType.PERPETUAL, MarketType.SPOT);
    private static final List<Timeframe> TIMEFRAMES = List.of(Timeframe.M1, Timeframe.M5);

    private final PositionAlerts alerts;
    private final PositionBook book;
    private final ClosePosition closing;
    private final MarketData market;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CheckStops(PositionAlerts alerts, PositionBook book, ClosePosition closing, MarketData market, TransactionTemplate transactions,
               ApplicationEventPublisher events, Clock clock) {
        this.alerts = alerts;
        this.book = book;
        this.closing = closing;
        this.market = market;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** Returns how many levels were crossed (and alerted) for the first time. */
    int execute() {
        int alerted = 0;
        Map<String, Optional<BigDecimal>> lastPrices = new HashMap<>();
        for (Position position : book.findAllById(alerts.openWithLevels())) {
            if (!position.open()) {
                continue;
            }
            try {
                alerted += check(position, lastPrices);
            } catch (RuntimeException e) {
                // one position that cannot be checked (an exchange without an adapter, a failed transaction) never
                // holds up the others; it is tried again at the next run
                log.warn("positions.check-stops: position {} not checked ({})", position.id(), e.toString());
            }
        }
        return alerted;
    }

    /** @param lastPrices the last prices asked in this run, by exchange and pair: one ask per market, not per position */
    private int check(Position position, Map<String, Optional<BigDecimal>> lastPrices) {
        Instant from = alerts.checkedUntil(position.id()).filter(until -> until.isAfter(position.openedAt())).orElse(position.openedAt());
        Optional<ExchangeId> exchange = ExchangeId.parse(position.exchange());
        if (exchange.isEmpty()) {
            return 0;
        }
        Symbol symbol = Symbol.parse(position.pair());
        Set<Level> alerted = alerts.alerted(position.id());
        for (MarketType type : MARKETS) {
            for (Timeframe timeframe : TIMEFRAMES) {
                SeriesKey series = new SeriesKey(exchange.get(), type, symbol, timeframe);
                List<Candle> candles = market.closedCandlesAfter(series, from.minusMillis(1), CANDLES_PER_RUN);
                if (!candles.isEmpty()) {
                    int recorded = recordAll(position, LevelCrossings.onCandles(position, candles, timeframe, from, alerted));
                    alerts.checked(position.id(), timeframe.closeOf(candles.getLast().openTime()));
                    return recorded;
                }
            }
        }
        Instant now = clock.instant();
        return lastPrices.computeIfAbsent(exchange.get().id() + " " + symbol, key -> market.lastPrice(exchange.get(), symbol))
                .map(price -> recordAll(position, LevelCrossings.atPrice(position, price, now, alerted)))
                .orElse(0);
    }

    private int recordAll(Position position, List<Crossing> crossings) {
        int recorded = 0;
        for (Crossing crossing : crossings) {
            Boolean done = transactions.execute(status -> record(position, crossing));
            if (Boolean.TRUE.equals(done)) {
                recorded++;
                if (!position.heldOnExchange()) {
                    break; // a paper position closed itself at this level
                }
            }
        }
        return recorded;
    }

    private boolean record(Position position, Crossing crossing) {
        if (!alerts.lockOpen(position.id()) || !alerts.record(position.id(), crossing)) {
            return false;
        }
        // a trade held on the exchange (synced, a stand-in for one, or linked) is not closed on paper: its owner says
        // whether the real one closed ("Closed it")
        boolean paper = !position.heldOnExchange();
        boolean closed = paper && closing.close(position.id(), crossing.price(), crossing.level().closeReason(), crossing.at()).isPresent();
        events.publishEvent(new PositionLevelCrossed(position.id(), position.userId(), position.number(), position.pair(),
                position.side().name(), crossing.level().name(), crossing.price(), crossing.at(), position.pnlAt(crossing.price()),
                position.rAt(crossing.price()).orElse(null), closed));
        return true;
    }
}
