package io.signaldesk.accounts.exchange;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.signaldesk.market.ExchangeId;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * One exchange's signed adapter behind its own rate limiter, circuit breaker and retry, separate instances from market
 * data's (named {@code accounts-<exchange>}), so a user's verification or a balance sync never waits behind candles and
 * a failing account API never pauses market data. Only transient failures are retried: unavailable, and rate limited
 * with no or a short Retry-After (longer than {@link #LONGEST_WAIT}: an IP ban, not prolonged by retrying). A rejected
 * key is neither retried nor counted against the exchange: one user's revoked key must not open the circuit for all.
 */
public final class ResilientAccountExchange implements AccountExchange {

    static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private final AccountExchange delegate;
    private final RateLimiter rateLimiter;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;

    public ResilientAccountExchange(AccountExchange delegate, AccountSettings settings) {
        this.delegate = delegate;
        String name = "accounts-" + delegate.exchange().id();
        this.rateLimiter = RateLimiter.of(name, RateLimiterConfig.custom()
                .limitForPeriod(settings.requestsPerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(LONGEST_WAIT)
                .build());
        this.circuitBreaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(60))
                .ignoreExceptions(AccountFailure.KeyRejected.class)
                .build());
        this.retry = Retry.of(name, RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .retryOnException(ResilientAccountExchange::transientFailure)
                .intervalBiFunction((Integer attempt, Either<Throwable, Object> outcome) -> {
                    if (outcome.isLeft() && outcome.getLeft() instanceof AccountFailure.RateLimited limited
                            && limited.retryAfter() != null) {
                        return limited.retryAfter().toMillis();
                    }
                    return settings.backoff().toMillis() * (1L << (attempt - 1));
                })
                .build());
    }

    static boolean transientFailure(Throwable failure) {
        return failure instanceof AccountFailure.Unavailable
                || failure instanceof AccountFailure.RateLimited limited
                        && (limited.retryAfter() == null || limited.retryAfter().compareTo(LONGEST_WAIT) <= 0);
    }

    @Override
    public ExchangeId exchange() {
        return delegate.exchange();
    }

    @Override
    public boolean needsPassphrase() {
        return delegate.needsPassphrase();
    }

    @Override
    public KeyPermissions verify(ApiCredentials credentials) {
        return call(() -> delegate.verify(credentials));
    }

    @Override
    public List<WalletBalance> balances(ApiCredentials credentials) {
        return call(() -> delegate.balances(credentials));
    }

    @Override
    public boolean offersPositions() {
        return delegate.offersPositions();
    }

    @Override
    public List<ExchangePosition> positions(ApiCredentials credentials) {
        if (!delegate.offersPositions()) {
            return delegate.positions(credentials);
        }
        return call(() -> delegate.positions(credentials));
    }

    private <T> T call(Supplier<T> call) {
        Supplier<T> limited = RateLimiter.decorateSupplier(rateLimiter, call);
        Supplier<T> guarded = CircuitBreaker.decorateSupplier(circuitBreaker, limited);
        try {
            return Retry.decorateSupplier(retry, guarded).get();
        } catch (CallNotPermittedException open) {
            throw new AccountFailure.Unavailable(delegate.exchange().displayName()
                    + " account calls are failing; they are paused for a while (circuit open)", null);
        } catch (RequestNotPermitted slow) {
            throw new AccountFailure.Unavailable(delegate.exchange().displayName()
                    + ": no request permit within " + LONGEST_WAIT.toSeconds() + " s (our rate limit for account calls)", null);
        }
    }
}
