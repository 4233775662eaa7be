package io.signaldesk.chat.dispatch;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** At most {@code signaldesk.chat.commands-per-minute} commands and presses per user and instance. */
@Component
class UserRateLimit {

    private final RateLimiterConfig config;
    private final Cache<Long, RateLimiter> limiters = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).build();

    UserRateLimit(@Value("${signaldesk.chat.commands-per-minute}") int perMinute) {
        this.config = RateLimiterConfig.custom().limitForPeriod(perMinute).limitRefreshPeriod(Duration.ofMinutes(1))
                .timeoutDuration(Duration.ZERO).build();
    }

    int perMinute() {
        return config.getLimitForPeriod();
    }

    boolean allow(long userId) {
        return limiters.get(userId, id -> RateLimiter.of("chat-user-" + id, config)).acquirePermission();
    }
}
