package io.signaldesk.notifications.delivery;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.signaldesk.chat.ChatDestination;
import io.signaldesk.chat.SendLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A platform's send pace on this instance (only the connection's leader sends, so it is the bot's
 * pace): one message every {@code 1 / perSecond} seconds overall, evenly spaced rather than in bursts,
 * so no one-second window holds more than the limit; and per chat, the platform's spacing (Telegram:
 * 1 s in a private chat, 3 s in a group, i.e. 20 a minute), or longer after flood control named a wait.
 */
class SendPacing {

    private final RateLimiter overall;
    private final SendLimits limits;
    private final Clock clock;
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final Map<Long, Instant> nextSlot = new ConcurrentHashMap<>();
    private final Deque<Long> lastSends = new ArrayDeque<>();

    SendPacing(String name, SendLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.overall = RateLimiter.of(name, RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(1_000_000_000L / limits.perSecond()))
                .timeoutDuration(Duration.ofMinutes(1))
                .build());
    }

    /** Destinations that may not get a message yet. */
    List<Long> cooling() {
        Instant now = clock.instant();
        nextSlot.values().removeIf(slot -> !slot.isAfter(now));
        return List.copyOf(nextSlot.keySet());
    }

    /**
     * Waits for the overall pace and takes the destination's slot; call right before the request. On
     * top of the even spacing, the last {@code perSecond} sends are remembered, so however late sending
     * threads wake up, no one-second window gets more than the limit.
     */
    void take(ChatDestination destination) throws InterruptedException {
        RateLimiter.waitForPermission(overall);
        synchronized (lastSends) {
            if (lastSends.size() == limits.perSecond()) {
                long wait = lastSends.peekFirst() + WINDOW_NANOS - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait));
                }
                lastSends.pollFirst();
            }
            lastSends.addLast(System.nanoTime());
        }
        nextSlot.put(destination.id(), clock.instant().plus(limits.spacing(destination)));
    }

    /** Flood control named a wait for this destination. */
    void holdOff(ChatDestination destination, Duration wait) {
        nextSlot.merge(destination.id(), clock.instant().plus(wait), (old, fresh) -> old.isAfter(fresh) ? old : fresh);
    }
}
