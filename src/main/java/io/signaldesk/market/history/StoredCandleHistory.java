package io.signaldesk.market.history;

import io.signaldesk.market.Candle;
import io.signaldesk.market.CandleHistory;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.Timeframe;
import io.signaldesk.market.exchange.ExchangeClient;
import io.signaldesk.market.exchange.ExchangeClients;
import io.signaldesk.market.exchange.ExchangeFailure;
import io.signaldesk.market.store.CandleStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * History in the candle table, fetched where it is missing.
 *
 * <p>{@link #fill}: the span asked is cut to the candles closed (and settled) at the clock's now: a candle
 * still forming, or in the future, is not asked for and not "missing". Which of its candles the table lacks
 * (closed ones only: a forming candle the sync stored counts as lacking) gives the gaps; each gap is fetched
 * oldest first with the exchange's "candles since" call ({@link ExchangeClient#candlesSince}), pages of that
 * call's largest request ({@link ExchangeClient#historyPageSize()}, below the live call's on OKX and Bitget) (each next page from after the newest candle received; after an empty answer,
 * from after the window asked, since some exchanges answer a window and a pair's first candles may lie
 * beyond it), through its client's history lane (its own rate limiter, behind the live sync: see
 * {@code ResilientExchangeClient}). Every page is stored as soon as it arrives (upserted: a candle stored
 * before is updated in place, never duplicated), with "closed" decided at now as the sync does, so what was
 * fetched before a failure stays. Afterwards the table is read again: every run of candles still lacking is
 * in {@link HistoryFill#missing()} with its reason: the exchange failing (its message; the fill stops at the
 * first failure, after the client's retries), an exchange without a "candles since" call, or candles the
 * exchange did not serve (before the pair was listed, or a hole in its own data). Imported candles (CSV)
 * count as stored: a span that is fully stored makes no exchange call at all.
 */
@Component
public class StoredCandleHistory implements CandleHistory {

    private static final Logger log = LoggerFactory.getLogger(StoredCandleHistory.class);

    private final ExchangeClients clients;
    private final CandleStore candles;
    private final Clock clock;

    public StoredCandleHistory(ExchangeClients clients, CandleStore candles, Clock clock) {
        this.clients = clients;
        this.candles = candles;
        this.clock = clock;
    }

    @Override
    public HistoryFill fill(SeriesKey key, Instant from, Instant to, Pages pages) {
        Timeframe timeframe = key.timeframe();
        Instant now = clock.instant();
        Instant first = alignUp(timeframe, from);
        Instant end = min(alignUp(timeframe, to), closedEnd(timeframe, now));
        if (!first.isBefore(end)) {
            return new HistoryFill(key, 0, List.of());
        }
        List<Gap> gaps = Gap.between(timeframe, first, end, candles.closedOpenTimes(key, first, end));
        if (gaps.isEmpty()) {
            return new HistoryFill(key, 0, List.of());
        }
        Fetch fetch = fetch(key, gaps, pages, now);
        List<String> missing = new ArrayList<>();
        for (Gap gap : Gap.between(timeframe, first, end, candles.closedOpenTimes(key, first, end))) {
            boolean failed = fetch.failure() != null && gap.end().isAfter(fetch.failedAt());
            missing.add(gap.describe(key, failed ? fetch.failure() : "not served by " + key.exchange().displayName()
                    + " (before the pair was listed, or a hole in its data)"));
        }
        return new HistoryFill(key, fetch.pages(), missing);
    }

    @Override
    public List<Candle> closedCandles(SeriesKey key, Instant from, Instant to) {
        return candles.closedBetween(key, from, to);
    }

    /** The pages fetched, and the first failure (its reason and the open time from which nothing more was had). */
    private record Fetch(int pages, String failure, Instant failedAt) {
    }

    private Fetch fetch(SeriesKey key, List<Gap> gaps, Pages pages, Instant now) {
        Timeframe timeframe = key.timeframe();
        ExchangeClient client;
        try {
            client = clients.get(key.exchange());
        } catch (IllegalStateException e) {
            return new Fetch(0, "no adapter for " + key.exchange().displayName(), gaps.getFirst().first());
        }
        if (client.marketType() != key.marketType()) {
            return new Fetch(0, key.exchange().displayName() + " serves " + client.marketType() + " candles, not "
                    + key.marketType(), gaps.getFirst().first());
        }
        if (!client.pagesHistory()) {
            return new Fetch(0, key.exchange().displayName() + " has no call for candles from a start time",
                    gaps.getFirst().first());
        }
        int perPage = client.historyPageSize();
        int estimate = gaps.stream().mapToInt(gap -> (int) Math.ceilDiv(gap.candles(timeframe), perPage)).sum();
        int fetched = 0;
        for (Gap gap : gaps) {
            Instant cursor = gap.first();
            while (cursor.isBefore(gap.end())) {
                int wanted = (int) Math.min(perPage, new Gap(cursor, gap.end()).candles(timeframe));
                List<Candle> page;
                try {
                    page = client.candlesSince(key.symbol(), timeframe, cursor, wanted);
                    Instant pageStart = cursor;
                    page = page.stream()
                            .filter(candle -> !candle.openTime().isBefore(pageStart) && candle.openTime().isBefore(gap.end()))
                            .toList();
                    candles.upsert(key, page, now);
                } catch (ExchangeFailure | DataAccessException e) {
                    log.warn("History of {} stopped at {}: {}", key, cursor, e.getMessage());
                    String reason = e instanceof ExchangeFailure ? key.exchange().displayName() + " failing: " + e.getMessage()
                            : "could not store: " + e.getMessage();
                    return new Fetch(fetched, reason, cursor);
                }
                fetched++;
                pages.fetched(fetched, Math.max(estimate, fetched));
                // an empty answer: nothing in the window asked (before a listing, a hole): go on after it
                cursor = page.isEmpty() ? cursor.plus(timeframe.duration().multipliedBy(wanted))
                        : page.getLast().openTime().plus(timeframe.duration());
            }
        }
        return new Fetch(fetched, null, null);
    }

    /** The first open time of this timeframe at or after {@code instant}. */
    private static Instant alignUp(Timeframe timeframe, Instant instant) {
        Instant open = timeframe.openOf(instant);
        return open.isBefore(instant) ? open.plus(timeframe.duration()) : open;
    }

    /** The open time after the newest candle closed and settled at {@code now} (exclusive end of what can be had). */
    private static Instant closedEnd(Timeframe timeframe, Instant now) {
        Instant open = timeframe.openOf(now);
        return timeframe.closedAt(open.minus(timeframe.duration()), now) ? open : open.minus(timeframe.duration());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
