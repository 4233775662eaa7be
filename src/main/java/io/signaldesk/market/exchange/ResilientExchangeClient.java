package io.signaldesk.market.exchange;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.vavr.control.Either;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.signaldesk.market.Candle;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.MarketType;
import io.signaldesk.market.PairListing;
import io.signaldesk.market.Symbol;
import io.signaldesk.market.Timeframe;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Wraps an adapter so that every call: waits for a permit of the exchange's own rate limiter; goes
 * through the exchange's circuit breaker (after repeated failures it fails fast for a while, so one
 * dead exchange does not slow the sync of the others); and is retried with exponential backoff on
 * transient failures, honouring a rate-limit answer's Retry-After (one longer than
 * {@link ExchangeFailure#LONGEST_WAIT}, an IP ban, is not retried: the series goes stale instead of
 * prolonging the ban). A {@link ExchangeFailure.Rejected} call is neither retried nor counted against
 * the exchange.
 *
 * <p>Two lanes share the exchange's one limiter. The live lane (candles, prices, listings: the sync and
 * {@code /analyze}) waits for its permit as usual. The history lane ({@link #candlesSince}: backtest
 * history pages) never queues on the limiter: it takes a permit only when no live call is waiting and more
 * than the live reserve ({@code max(1, requests-per-second / 2)}) of the current second's permits are still free,
 * and otherwise polls again shortly. So a history fetch, however long, never puts a live call behind its
 * pages: a live call finds at least the reserve free each second, and never waits behind a history
 * reservation (history makes none). History gets what the live calls leave, at most half the pace.
 *
 * <p>At one request a second (Kraken) the reserve is the whole limit, and history would never run; there it takes
 * the second's permit only when the live lane has been idle for {@link #LIVE_IDLE} (no live permit taken, none
 * waiting). A live burst (the sync's calls one after another, or a few seconds apart) is then never interleaved with
 * history pages; only a live call arriving after such an idle stretch may find the current second's permit taken and
 * wait for the next second, the least a history lane on a one-permit limiter can cost.
 *
 * <p>The lanes have their own circuit breakers and retries: failing history pages (an old span the exchange
 * chokes on, a history endpoint down) open only the history breaker, never the live sync's.
 */
public final class ResilientExchangeClient implements ExchangeClient {


    private final ExchangeClient delegate;
    private final RateLimiter rateLimiter;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final CircuitBreaker historyBreaker;
    private final Retry historyRetry;
    private final boolean wholeLimitReserved;
    private final AtomicLong lastLivePermit = new AtomicLong(System.nanoTime() - LIVE_IDLE.toNanos());
    private final int liveReserve;
    private final AtomicInteger liveWaiting = new AtomicInteger();

    /** How long a history page waits for a permit the live lane leaves before it fails (and is retried). */
    static final Duration HISTORY_WAIT = Duration.ofMinutes(2);
    private static final long HISTORY_POLL_MILLIS = 10;
    /** At one request a second: how long the live lane must have been idle before history takes the permit. */
    static final Duration LIVE_IDLE = Duration.ofSeconds(2);

    public ResilientExchangeClient(ExchangeClient delegate, ExchangeSettings settings) {
        this.delegate = delegate;
        String name = delegate.id().id();
        this.rateLimiter = RateLimiter.of(name, RateLimiterConfig.custom()
                .limitForPeriod(settings.requestsPerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ofSeconds(30))
                .build());
        this.liveReserve = Math.max(1, settings.requestsPerSecond() / 2);
        this.wholeLimitReserved = liveReserve >= settings.requestsPerSecond();
        this.circuitBreaker = circuitBreaker(name);
        this.retry = retry(name, settings);
        this.historyBreaker = circuitBreaker(name + "-history");
        this.historyRetry = retry(name + "-history", settings);
    }

    private static CircuitBreaker circuitBreaker(String name) {
        return CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(60))
                .ignoreExceptions(ExchangeFailure.Rejected.class)
                .build());
    }

    private static Retry retry(String name, ExchangeSettings settings) {
        return Retry.of(name, RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .retryOnException(e -> e instanceof ExchangeFailure failure && failure.transientFailure())
                .intervalBiFunction((Integer attempt, Either<Throwable, Object> outcome) -> {
                    if (outcome.isLeft() && outcome.getLeft() instanceof ExchangeFailure.RateLimited limited
                            && limited.retryAfter() != null) {
                        return limited.retryAfter().toMillis();
                    }
                    return settings.backoff().toMillis() * (1L << (attempt - 1));
                })
                .build());
    }

    @Override
    public ExchangeProfile profile() {
        return delegate.profile();
    }

    @Override
    public List<Candle> candles(Symbol symbol, Timeframe timeframe, Instant end, int limit) {
        return live(() -> delegate.candles(symbol, timeframe, end, limit));
    }

    @Override
    public boolean pagesHistory() {
        return delegate.pagesHistory();
    }

    @Override
    public int historyPageSize() {
        return delegate.historyPageSize();
    }

    @Override
    public List<Candle> candlesSince(Symbol symbol, Timeframe timeframe, Instant from, int limit) {
        return call(() -> delegate.candlesSince(symbol, timeframe, from, limit), this::historyPermit, historyBreaker, historyRetry);
    }

    @Override
    public BigDecimal lastPrice(Symbol symbol) {
        return live(() -> delegate.lastPrice(symbol));
    }

    @Override
    public List<PairListing> listing() {
        return live(delegate::listing);
    }

    private <T> T live(Supplier<T> call) {
        return call(call, this::livePermit, circuitBreaker, retry);
    }

    private <T> T call(Supplier<T> call, Runnable permit, CircuitBreaker breaker, Retry retry) {
        Supplier<T> limited = () -> {
            permit.run();
            return call.get();
        };
        Supplier<T> guarded = CircuitBreaker.decorateSupplier(breaker, limited);
        try {
            return Retry.decorateSupplier(retry, guarded).get();
        } catch (CallNotPermittedException open) {
            throw new ExchangeFailure.Unavailable(delegate.id().displayName()
                    + " is failing; calls are paused for a while (circuit open)", open);
        } catch (RequestNotPermitted slow) {
            throw new ExchangeFailure.Unavailable(delegate.id().displayName()
                    + ": no request permit within 30 s (our rate limit)", slow);
        }
    }

    private boolean historyMayTake() {
        if (wholeLimitReserved) {
            return System.nanoTime() - lastLivePermit.get() >= LIVE_IDLE.toNanos()
                    && rateLimiter.getMetrics().getAvailablePermissions() > 0;
        }
        return rateLimiter.getMetrics().getAvailablePermissions() > liveReserve;
    }

    /** The live lane: waits for the limiter's next permit (up to 30 s), counted as waiting meanwhile. */
    private void livePermit() {
        liveWaiting.incrementAndGet();
        try {
            RateLimiter.waitForPermission(rateLimiter);
            lastLivePermit.set(System.nanoTime());
        } finally {
            liveWaiting.decrementAndGet();
        }
    }

    /**
     * The history lane: a permit only when no live call waits and more than the live reserve is free now; where the
     * reserve is the whole limit (one request a second), when the live lane has been idle for {@link #LIVE_IDLE}.
     */
    private void historyPermit() {
        long deadline = System.nanoTime() + HISTORY_WAIT.toNanos();
        while (true) {
            if (liveWaiting.get() == 0 && historyMayTake() && rateLimiter.acquirePermission()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new ExchangeFailure.Unavailable(delegate.id().displayName() + ": no permit for a history page within "
                        + HISTORY_WAIT.toMinutes() + " min (the live sync keeps our rate limit busy)", null);
            }
            try {
                Thread.sleep(HISTORY_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExchangeFailure.Unavailable(delegate.id().displayName() + ": history fetch interrupted", e);
            }
        }
    }
}
