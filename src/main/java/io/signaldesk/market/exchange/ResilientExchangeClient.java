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
import java.util.function.Supplier;

/**
 * Wraps an adapter so that every call: waits for a permit of the exchange's own rate limiter; goes
 * through the exchange's circuit breaker (after repeated failures it fails fast for a while, so one
 * dead exchange does not slow the sync of the others); and is retried with exponential backoff on
 * transient failures, honouring a rate-limit answer's Retry-After (one longer than
 * {@link ExchangeFailure#LONGEST_WAIT}, an IP ban, is not retried: the series goes stale instead of
 * prolonging the ban). A {@link ExchangeFailure.Rejected} call is neither retried nor counted against
 * the exchange.
 */
public final class ResilientExchangeClient implements ExchangeClient {


    private final ExchangeClient delegate;
    private final RateLimiter rateLimiter;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;

    public ResilientExchangeClient(ExchangeClient delegate, ExchangeSettings settings) {
        this.delegate = delegate;
        String name = delegate.id().id();
        this.rateLimiter = RateLimiter.of(name, RateLimiterConfig.custom()
                .limitForPeriod(settings.requestsPerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ofSeconds(30))
                .build());
        this.circuitBreaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(60))
                .ignoreExceptions(ExchangeFailure.Rejected.class)
                .build());
        this.retry = Retry.of(name, RetryConfig.custom()
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
        return call(() -> delegate.candles(symbol, timeframe, end, limit));
    }

    @Override
    public BigDecimal lastPrice(Symbol symbol) {
        return call(() -> delegate.lastPrice(symbol));
    }

    @Override
    public List<PairListing> listing() {
        return call(delegate::listing);
    }

    private <T> T call(Supplier<T> call) {
        Supplier<T> limited = RateLimiter.decorateSupplier(rateLimiter, call);
        Supplier<T> guarded = CircuitBreaker.decorateSupplier(circuitBreaker, limited);
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
}
