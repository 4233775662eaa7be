package io.signaldesk.market.sync;

import io.signaldesk.market.Candle;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.RequiredSeries;
import io.signaldesk.market.SeriesInUse;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.SeriesStatus;
import io.signaldesk.market.exchange.ExchangeClient;
import io.signaldesk.market.exchange.ExchangeClients;
import io.signaldesk.market.exchange.ExchangeFailure;
import io.signaldesk.market.store.CandleStore;
import io.signaldesk.market.store.SeriesStatusStore;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * One sync cycle: every series some module requires, each distinct series fetched <b>once</b> with
 * <b>one</b> exchange call (retries aside), all exchanges at the same time and each with at most
 * {@code concurrency-per-exchange} series in flight, so a slow or dead exchange holds up only its own.
 *
 * <p>A series never synced gets {@code backfill} closed candles plus the one forming; afterwards each
 * sync asks from its newest closed candle on (refetched, so a late correction is stored). A gap longer
 * than one request allows (a long outage) is filled with the newest candles only. A failure marks the
 * series with its error and leaves it to go stale; the cycle goes on. A series the exchange refused outright may be
 * of a pair it stopped listing: {@link RefusedSeries} ({@link DelistedPairs}) checks after the cycle.
 */
@Component
public class SyncCandles {

    private static final Logger log = LoggerFactory.getLogger(SyncCandles.class);

    private final List<RequiredSeries> required;
    private final ExchangeClients clients;
    private final CandleStore candles;
    private final SeriesStatusStore statuses;
    private final MarketProperties properties;
    private final Clock clock;
    private final RefusedSeries refusedSeries;
    private final Map<SeriesKey, String> refused = new java.util.concurrent.ConcurrentHashMap<>();

    SyncCandles(List<RequiredSeries> required, ExchangeClients clients, CandleStore candles, SeriesStatusStore statuses,
                MarketProperties properties, Clock clock, RefusedSeries refusedSeries) {
        this.refusedSeries = refusedSeries;
        this.required = required;
        this.clients = clients;
        this.candles = candles;
        this.statuses = statuses;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Syncs every required series; returns how many succeeded, and fails when every one of them failed. Only this
     * full cycle looks into the series refused since the last one ({@link RefusedSeries}), so an on-demand sync of a few
     * series never judges delistings against its own small set.
     */
    public int execute() {
        Set<SeriesKey> series = SeriesInUse.union(required);
        int succeeded = sync(series);
        afterCycle(series);
        if (succeeded == 0 && !series.isEmpty()) {
            throw new IllegalStateException("every one of the " + series.size() + " series failed to sync; see candle_series.last_error");
        }
        return succeeded;
    }

    /** Syncs these series; returns how many succeeded. */
    public int sync(Set<SeriesKey> series) {
        Map<ExchangeId, Semaphore> inFlight = new EnumMap<>(ExchangeId.class);
        for (ExchangeId exchange : ExchangeId.values()) {
            inFlight.put(exchange, new Semaphore(properties.concurrencyPerExchange()));
        }
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> results = series.stream()
                    .map(key -> workers.submit(() -> withPermit(inFlight.get(key.exchange()), key)))
                    .toList();
            int succeeded = 0;
            for (Future<Boolean> result : results) {
                succeeded += result.get() ? 1 : 0;
            }
            return succeeded;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("candle sync interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("candle sync failed", e.getCause());
        }
    }

    private boolean withPermit(Semaphore permits, SeriesKey key) throws InterruptedException {
        permits.acquire();
        try {
            return syncOne(key);
        } finally {
            permits.release();
        }
    }

    private boolean syncOne(SeriesKey key) {
        Instant now = clock.instant();
        try {
            ExchangeClient client = clients.get(key.exchange());
            if (client.marketType() != key.marketType()) {
                throw new ExchangeFailure.Rejected(key.exchange().displayName() + " serves " + client.marketType()
                        + " candles, not " + key.marketType());
            }
            Instant currentOpen = key.timeframe().openOf(now);
            int limit = limit(key, client, currentOpen);
            List<Candle> fetched = client.candles(key.symbol(), key.timeframe(), null, limit).stream()
                    .filter(candle -> !candle.openTime().isAfter(currentOpen))
                    .toList();
            candles.upsert(key, fetched, now);
            Instant lastClosed = fetched.stream()
                    .map(Candle::openTime)
                    .filter(open -> key.timeframe().closedAt(open, now))
                    .max(Instant::compareTo)
                    .orElse(null);
            statuses.recordSuccess(key, lastClosed, now);
            return true;
        } catch (ExchangeFailure | DataAccessException e) {
            log.warn("Candle sync of {} failed: {}", key, e.getMessage());
            if (e instanceof ExchangeFailure.Rejected) {
                refused.put(key, String.valueOf(e.getMessage()));
            }
            return failed(key, e.getMessage(), now);
        } catch (RuntimeException e) {
            log.error("Candle sync of {} failed unexpectedly", key, e);
            return failed(key, e.toString(), now);
        }
    }

    private void afterCycle(Set<SeriesKey> series) {
        Map<SeriesKey, String> cycle = new java.util.HashMap<>(refused);
        refused.keySet().removeAll(cycle.keySet());
        if (!cycle.isEmpty()) {
            refusedSeries.afterCycle(cycle, series);
        }
    }

    private boolean failed(SeriesKey key, String error, Instant now) {
        try {
            statuses.recordFailure(key, error, now);
        } catch (DataAccessException e) {
            log.warn("Could not record the failed sync of {}: {}", key, e.getMessage());
        }
        return false;
    }

    private int limit(SeriesKey key, ExchangeClient client, Instant currentOpen) {
        Instant lastClosed = statuses.find(key).map(SeriesStatus::lastClosedOpenTime).orElse(null);
        long wanted = lastClosed == null
                ? properties.backfill() + 1L
                : (currentOpen.toEpochMilli() - lastClosed.toEpochMilli()) / key.timeframe().duration().toMillis() + 1;
        return (int) Math.max(1, Math.min(wanted, client.profile().maxCandlesPerRequest()));
    }
}
