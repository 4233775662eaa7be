package io.signaldesk.market.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signaldesk.market.Candle;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketType;
import io.signaldesk.market.PairListing;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * History pages and the live sync on one exchange limiter: however many history pages are queued, a live call
 * gets its permit at once, and the exchange's pace is kept.
 */
class HistoryLaneTest {

    private static final Symbol BTC = new Symbol("BTC", "USDT");
    private static final int RPS = 10;

    /** An exchange that answers at once and counts the calls of each lane. */
    private static final class CountingExchange implements ExchangeClient {
        final AtomicInteger live = new AtomicInteger();
        final AtomicInteger history = new AtomicInteger();
        volatile boolean historyFails;

        @Override
        public ExchangeProfile profile() {
            return new ExchangeProfile(ExchangeId.BYBIT, MarketType.PERPETUAL, EnumSet.allOf(Timeframe.class), 1000);
        }

        @Override
        public List<Candle> candles(Symbol symbol, Timeframe timeframe, Instant end, int limit) {
            live.incrementAndGet();
            return List.of();
        }

        @Override
        public boolean pagesHistory() {
            return true;
        }

        @Override
        public List<Candle> candlesSince(Symbol symbol, Timeframe timeframe, Instant from, int limit) {
            history.incrementAndGet();
            if (historyFails) {
                throw new ExchangeFailure.Unavailable("history endpoint down", null);
            }
            return List.of();
        }

        @Override
        public BigDecimal lastPrice(Symbol symbol) {
            return BigDecimal.ONE;
        }

        @Override
        public List<PairListing> listing() {
            return List.of();
        }
    }

    @Test
    void aLiveCallIsNotDelayedByALongHistoryFetchAndTheExchangesPaceHolds() throws Exception {
        var exchange = new CountingExchange();
        var client = new ResilientExchangeClient(exchange, new ExchangeSettings(null, null, false, Duration.ofSeconds(1), RPS, 1,
                Duration.ofMillis(10)));
        AtomicBoolean fetching = new AtomicBoolean(true);
        List<Duration> liveWaits = new ArrayList<>();
        long started = System.nanoTime();
        try (ExecutorService history = Executors.newVirtualThreadPerTaskExecutor()) {
            // twenty backtests' history fetches at once: far more pages than the limiter allows
            for (int i = 0; i < 20; i++) {
                history.submit(() -> {
                    while (fetching.get()) {
                        client.candlesSince(BTC, Timeframe.H1, Instant.EPOCH, 1000);
                    }
                    return null;
                });
            }
            Thread.sleep(1200);
            for (int i = 0; i < 6; i++) {
                long asked = System.nanoTime();
                client.candles(BTC, Timeframe.H1, null, 2);
                liveWaits.add(Duration.ofNanos(System.nanoTime() - asked));
                Thread.sleep(150);
            }
            fetching.set(false);
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        // without the lane a live call waits 2.6-2.8 s behind the history pages; 700 ms leaves room for a busy CI
        // machine (a full build once saw 196 ms) while still failing when the lane is gone
        assertThat(liveWaits).as("each live call got its permit without waiting behind history").allSatisfy(wait ->
                assertThat(wait).isLessThan(Duration.ofMillis(700)));
        assertThat(exchange.live).hasValue(6);
        assertThat(exchange.history.get()).as("history went on meanwhile, with what the live lane left").isGreaterThan(5);
        assertThat(exchange.live.get() + exchange.history.get()).as("the exchange's pace: %d rps", RPS)
                .isLessThanOrEqualTo((int) Math.ceil(seconds + 1) * RPS);
    }

    @Test
    void failingHistoryPagesOpenOnlyTheHistoryBreakerNeverTheLiveOne() {
        var exchange = new CountingExchange();
        exchange.historyFails = true;
        var client = new ResilientExchangeClient(exchange, new ExchangeSettings(null, null, false, Duration.ofSeconds(1), 100, 1,
                Duration.ofMillis(10)));
        for (int i = 0; i < 20; i++) {
            try {
                client.candlesSince(BTC, Timeframe.H1, Instant.EPOCH, 1000);
            } catch (ExchangeFailure expected) {
                // the history endpoint is down
            }
        }
        int historyCalls = exchange.history.get();
        assertThatThrownBy(() -> client.candlesSince(BTC, Timeframe.H1, Instant.EPOCH, 1000))
                .isInstanceOf(ExchangeFailure.Unavailable.class).hasMessageContaining("circuit open");
        assertThat(exchange.history).as("the history breaker is open: no call made").hasValue(historyCalls);

        assertThat(client.candles(BTC, Timeframe.H1, null, 2)).isEmpty();
        assertThat(exchange.live).as("the live sync still calls the exchange").hasValue(1);
    }

    @Test
    void aOneRequestASecondExchangeKeepsItsPermitForALiveBurstAndHistoryStillProgresses() throws Exception {
        var exchange = new CountingExchange();
        var client = new ResilientExchangeClient(exchange, new ExchangeSettings(null, null, false, Duration.ofSeconds(1), 1, 1,
                Duration.ofMillis(10)));
        AtomicBoolean fetching = new AtomicBoolean(true);
        List<Duration> liveWaits = new ArrayList<>();
        int historyBeforeBurst;
        int historyAfterBurst;
        try (ExecutorService history = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 4; i++) {
                history.submit(() -> {
                    while (fetching.get()) {
                        client.candlesSince(BTC, Timeframe.H1, Instant.EPOCH, 1000);
                    }
                    return null;
                });
            }
            Thread.sleep(2500);
            assertThat(exchange.history.get()).as("history runs while the live lane is idle").isGreaterThanOrEqualTo(1);
            client.candles(BTC, Timeframe.H1, null, 2); // the burst's first call may wait for the second a history page took
            historyBeforeBurst = exchange.history.get();
            for (int i = 0; i < 3; i++) {
                Thread.sleep(1200); // a sync's calls a little more than the limiter's second apart
                long asked = System.nanoTime();
                client.candles(BTC, Timeframe.H1, null, 2);
                liveWaits.add(Duration.ofNanos(System.nanoTime() - asked));
            }
            historyAfterBurst = exchange.history.get();
            fetching.set(false); // (the waiting history pages still take a permit each once the live lane is idle)
        }

        // without the reserve (1 / 2 = 0) history takes every second's permit between the live calls, and each waits
        // for the next second; 500 ms leaves a busy machine room while still failing then
        assertThat(historyAfterBurst).as("no history page between the burst's live calls").isEqualTo(historyBeforeBurst);
        assertThat(liveWaits).allSatisfy(wait -> assertThat(wait).isLessThan(Duration.ofMillis(500)));
        assertThat(exchange.live).hasValue(4);
    }

    @Test
    void withoutALiveCallWaitingHistoryTakesAtMostTheShareAboveTheLiveReserve() throws Exception {
        var exchange = new CountingExchange();
        var client = new ResilientExchangeClient(exchange, new ExchangeSettings(null, null, false, Duration.ofSeconds(1), RPS, 1,
                Duration.ofMillis(10)));
        AtomicBoolean fetching = new AtomicBoolean(true);
        long started = System.nanoTime();
        try (ExecutorService history = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 4; i++) {
                history.submit(() -> {
                    while (fetching.get()) {
                        client.candlesSince(BTC, Timeframe.H1, Instant.EPOCH, 1000);
                    }
                    return null;
                });
            }
            Thread.sleep(2500);
            fetching.set(false);
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        // half of each second's 10 permits stay free for the live lane
        assertThat(exchange.history.get()).isGreaterThanOrEqualTo(5).isLessThanOrEqualTo((int) Math.ceil(seconds + 1) * (RPS / 2));
    }
}
