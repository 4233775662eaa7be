package io.signaldesk.market;

import io.signaldesk.market.exchange.ExchangeClients;
import io.signaldesk.market.exchange.ExchangeFailure;
import io.signaldesk.market.store.CandleStore;
import io.signaldesk.market.store.SeriesStatusStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Reading market data. Candles come from PostgreSQL, as the sync job stored them, and only when the
 * series is fresh (its last closed candle closed within two intervals): callers never compute a
 * signal on stale data.
 */
@Component
public class MarketData {

    private static final Duration STATUS_MEMORY = Duration.ofSeconds(2);

    private final CandleStore candles;
    private final SeriesStatusStore statuses;
    private final ExchangeClients clients;
    private final Clock clock;
    private final Map<SeriesKey, Remembered> recentStatus = new ConcurrentHashMap<>();

    private record Remembered(Optional<SeriesStatus> status, Instant readAt) {
    }

    MarketData(CandleStore candles, SeriesStatusStore statuses, ExchangeClients clients, Clock clock) {
        this.candles = candles;
        this.statuses = statuses;
        this.clients = clients;
        this.clock = clock;
    }

    /**
     * The open time of the series' newest closed candle when the series is fresh, else empty. Answered
     * from a status read at most two seconds ago (by the service's clock): a tick of thousands of
     * subscriptions over a hundred series asks PostgreSQL a hundred times, not thousands.
     */
    public Optional<Instant> lastClosedIfFresh(SeriesKey key) {
        Instant now = clock.instant();
        Remembered remembered = recentStatus.get(key);
        if (remembered == null || remembered.readAt().isAfter(now) || remembered.readAt().plus(STATUS_MEMORY).isBefore(now)) {
            remembered = new Remembered(statuses.find(key), now);
            recentStatus.put(key, remembered);
        }
        return remembered.status()
                .filter(status -> status.freshAt(now))
                .map(SeriesStatus::lastClosedOpenTime);
    }

    /** The last {@code count} closed candles of a fresh series, or why the series cannot be used. */
    public CandleRead closedCandles(SeriesKey key, int count) {
        return read(key, () -> candles.lastClosed(key, count));
    }

    /**
     * Like {@link #closedCandles}, but only candles that had closed by {@code closedBy}: an analysis keyed
     * on one candle reads exactly the data of that moment, even if a sync stored newer candles since.
     */
    public CandleRead closedCandlesBy(SeriesKey key, int count, Instant closedBy) {
        return read(key, () -> candles.lastClosedOpeningBy(key, count, SnapshotRule.lastOpen(key.timeframe(), closedBy)));
    }

    /** What an analysis at the base close {@code close} sees of this series ({@link SnapshotRule}), or why the series cannot be used. */
    public CandleRead snapshotCandles(SeriesKey key, Instant close) {
        return closedCandlesBy(key, SnapshotRule.CANDLES, close);
    }

    /** Whether the series is fresh ({@code Fresh} with no candles) or why not, without reading candles. */
    public CandleRead freshness(SeriesKey key) {
        return read(key, List::of);
    }

    private CandleRead read(SeriesKey key, Supplier<List<Candle>> closedCandles) {
        Optional<SeriesStatus> status = statuses.find(key);
        if (status.isEmpty() || !status.get().freshAt(clock.instant())) {
            Instant lastOpen = status.map(SeriesStatus::lastClosedOpenTime).orElse(null);
            return new CandleRead.Stale(key, lastOpen == null ? null : key.timeframe().closeOf(lastOpen),
                    status.map(SeriesStatus::lastError).orElse(null));
        }
        return new CandleRead.Fresh(key, closedCandles.get());
    }

    /**
     * Closed candles opening after {@code after}, oldest first, fresh or not: for following what
     * happened after a signal (history is history), never for computing a new one.
     */
    public List<Candle> closedCandlesAfter(SeriesKey key, Instant after, int limit) {
        return candles.closedAfter(key, after, limit);
    }

    /** When the series' oldest stored closed candle opens (how far back its history reaches); empty when none is stored. */
    public Optional<Instant> firstClosedOpenTime(SeriesKey key) {
        return candles.firstClosedOpenTime(key);
    }

    /** The exchange's last traded price, asked live; empty when the exchange cannot answer now. */
    public Optional<BigDecimal> lastPrice(ExchangeId exchange, Symbol symbol) {
        try {
            return Optional.of(clients.get(exchange).lastPrice(symbol));
        } catch (ExchangeFailure e) {
            return Optional.empty();
        }
    }

    /** The shortest timeframe the exchange serves candles for (1m on every exchange SignalDesk knows today). */
    public Timeframe finestTimeframe(ExchangeId exchange) {
        return clients.get(exchange).profile().timeframes().stream().min(Timeframe::compareTo).orElseThrow();
    }

    /** Every synced series' state, for /status and the dashboard. */
    public List<SeriesStatus> seriesStatus() {
        return statuses.all();
    }
}
