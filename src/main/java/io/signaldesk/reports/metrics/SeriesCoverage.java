package io.signaldesk.reports.metrics;

import io.signaldesk.market.Candle;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketData;
import io.signaldesk.market.MarketInputs;
import io.signaldesk.market.SeriesKey;
import io.signaldesk.market.SeriesStatus;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import io.signaldesk.reports.metrics.DataQualityNote.DataGap;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whether a series had its candles in a window: the candles that should have closed in it (every slot of the timeframe
 * opening in the window and closed, with {@link #SYNC_LAG} of slack for the last sync) against those stored. None of
 * them: NO_CANDLES; fewer than {@link #ENOUGH} of them: PARTIAL_CANDLES; either while the series' sync was failing
 * within the window ({@link #failingWithin}: failures that began before its end, not ones that began later): EXCHANGE_OUTAGE.
 */
@Component
class SeriesCoverage {

    private static final Logger log = LoggerFactory.getLogger(SeriesCoverage.class);

    static final Duration SYNC_LAG = Duration.ofMinutes(10);
    static final double ENOUGH = 0.9;

    /** What a series had; {@code gap} null when it had enough. */
    record Coverage(String timeframe, int candles, int expected, DataGap gap, String detail) {
    }

    private final MarketData market;
    private final MarketInputs inputs;

    SeriesCoverage(MarketData market, MarketInputs inputs) {
        this.market = market;
        this.inputs = inputs;
    }

    /** The coverage of the pair at the finest of {@code timeframes} in {@code [from, until)}; empty for a market SignalDesk cannot sync. */
    Optional<Coverage> of(String exchange, String pair, List<String> timeframes, Instant from, Instant until,
                          List<SeriesStatus> statuses) {
        Optional<ExchangeId> exchangeId = ExchangeId.parse(exchange);
        Optional<Timeframe> finest = timeframes.stream().map(Timeframe::parse).flatMap(Optional::stream).min(Timeframe::compareTo);
        if (exchangeId.isEmpty() || finest.isEmpty()) {
            return Optional.empty();
        }
        SeriesKey key;
        try {
            key = inputs.series(exchangeId.get(), Symbol.parse(pair), finest.get());
        } catch (RuntimeException unknown) {
            log.warn("Metrics: no data check for {} {}: {}", exchange, pair, unknown.toString());
            return Optional.empty();
        }
        Instant lastClose = until.minus(SYNC_LAG);
        int expected = expected(finest.get(), from, lastClose);
        List<Candle> stored = market.closedCandlesAfter(key, from.minusNanos(1000), expected + 1).stream()
                .filter(candle -> !candle.openTime().isBefore(from) && !finest.get().closeOf(candle.openTime()).isAfter(lastClose))
                .toList();
        int candles = stored.size();
        DataGap gap = null;
        if (expected > 0 && candles < expected * ENOUGH) {
            gap = candles == 0 ? DataGap.NO_CANDLES : DataGap.PARTIAL_CANDLES;
        }
        String detail = null;
        if (gap != null) {
            Optional<SeriesStatus> failing = statuses.stream().filter(status -> status.key().equals(key))
                    .filter(status -> failingWithin(status, from, until))
                    .findFirst();
            if (failing.isPresent()) {
                gap = DataGap.EXCHANGE_OUTAGE;
                detail = failing.get().lastError();
            }
        }
        return Optional.of(new Coverage(finest.get().code(), candles, expected, gap, detail));
    }

    /**
     * Whether the series' sync was failing within {@code [from, until)}, as far as its status (which is of now, not of the
     * day) can tell: it is failing now, its failures ran into the window (last attempt at or after its start) and they began
     * before the window's end, i.e. its last success, after which the failures began, is before the window's end (a
     * success after it means the day's gap is not an outage known at its time: the failures came later).
     */
    static boolean failingWithin(SeriesStatus status, Instant from, Instant until) {
        return status.consecutiveFailures() > 0 && status.lastAttemptAt() != null && !status.lastAttemptAt().isBefore(from)
                && (status.lastSuccessAt() == null || status.lastSuccessAt().isBefore(until));
    }

    /** The slots of {@code timeframe} opening at or after {@code from} and closing at or before {@code lastClose}. */
    static int expected(Timeframe timeframe, Instant from, Instant lastClose) {
        Instant open = timeframe.openOf(from);
        if (open.isBefore(from)) {
            open = open.plus(timeframe.duration());
        }
        int slots = 0;
        while (!timeframe.closeOf(open).isAfter(lastClose)) {
            slots++;
            open = open.plus(timeframe.duration());
        }
        return slots;
    }
}
