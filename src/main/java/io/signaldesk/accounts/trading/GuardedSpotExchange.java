package io.signaldesk.accounts.trading;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.signaldesk.accounts.SpotTrading.SpotLot;
import io.signaldesk.accounts.SpotTrading.SpotOrder;
import io.signaldesk.accounts.SpotTrading.SpotOrderResult;
import io.signaldesk.accounts.exchange.AccountSettings;
import io.signaldesk.accounts.exchange.ApiCredentials;
import io.signaldesk.market.ExchangeId;
import io.signaldesk.market.Symbol;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One exchange's live spot calls behind our pace ({@code requests-per-second} of its account settings) and a circuit
 * breaker ({@code spot-<exchange>}), and NO retry: an order is sent once, and when its fate is unknown the caller looks
 * it up. A call refused by the pace or by an open circuit was never sent: a {@link SpotOrderResult.Rejected} order.
 * Only an {@link SpotOrderResult.Unknown} (no answer, a 5xx) counts against the exchange; an order the exchange refused
 * (a 4xx with its error code) is a healthy answer.
 */
public final class GuardedSpotExchange implements SpotExchange {

    static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

    private final SpotExchange delegate;
    private final RateLimiter rateLimiter;
    private final CircuitBreaker circuitBreaker;

    public GuardedSpotExchange(SpotExchange delegate, AccountSettings settings) {
        this.delegate = delegate;
        String name = "spot-" + delegate.exchange().id();
        this.rateLimiter = RateLimiter.of(name, RateLimiterConfig.custom()
                .limitForPeriod(settings.requestsPerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(LONGEST_WAIT)
                .build());
        this.circuitBreaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(60))
                .build());
    }

    @Override
    public ExchangeId exchange() {
        return delegate.exchange();
    }

    @Override
    public Optional<SpotLot> lot(Symbol pair) {
        return delegate.lot(pair);
    }

    @Override
    public SpotOrderResult marketOrder(ApiCredentials credentials, SpotOrder order) {
        return guarded(() -> delegate.marketOrder(credentials, order), false);
    }

    @Override
    public SpotOrderResult lookup(ApiCredentials credentials, Symbol pair, String clientOrderId) {
        return guarded(() -> delegate.lookup(credentials, pair, clientOrderId), true);
    }

    private SpotOrderResult guarded(Supplier<SpotOrderResult> call, boolean lookup) {
        String name = delegate.exchange().displayName();
        if (!circuitBreaker.tryAcquirePermission()) {
            String why = name + " spot calls are failing; they are paused for a while (circuit open)";
            return lookup ? new SpotOrderResult.Unknown(why) : new SpotOrderResult.Rejected(why + ": the order was not sent");
        }
        if (!rateLimiter.acquirePermission()) {
            circuitBreaker.releasePermission();
            String why = name + ": no request permit within " + LONGEST_WAIT.toSeconds() + " s (our pace of spot calls)";
            return lookup ? new SpotOrderResult.Unknown(why) : new SpotOrderResult.Rejected(why + ": the order was not sent");
        }
        long start = System.nanoTime();
        SpotOrderResult result = call.get();
        long took = System.nanoTime() - start;
        if (result instanceof SpotOrderResult.Unknown unknown) {
            circuitBreaker.onError(took, TimeUnit.NANOSECONDS, new IllegalStateException(unknown.reason()));
        } else {
            circuitBreaker.onSuccess(took, TimeUnit.NANOSECONDS);
        }
        return result;
    }
}
