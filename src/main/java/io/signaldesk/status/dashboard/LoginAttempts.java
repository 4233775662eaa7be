package io.signaldesk.status.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed operator logins per client address: {@code limit} failures within a minute block the address for {@code block}
 * (every request to {@code /ops} then gets 429, the right password too). Kept in memory per instance; at most
 * {@value #MAX_ADDRESSES} addresses are remembered (the oldest-looking ones are forgotten first when full).
 */
final class LoginAttempts {

    static final int MAX_ADDRESSES = 10_000;
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int limit;
    private final Duration block;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();

    LoginAttempts(int limit, Duration block, Clock clock) {
        this.limit = limit;
        this.block = block;
        this.clock = clock;
    }

    /** How long the address stays blocked; zero when it is not. */
    Duration blocked(String address) {
        Instant until = blockedUntil.get(address);
        Instant now = clock.instant();
        if (until == null || !until.isAfter(now)) {
            if (until != null) {
                blockedUntil.remove(address, until);
            }
            return Duration.ZERO;
        }
        return Duration.between(now, until);
    }

    /** Records a failure; returns the failures of this address in the last minute (the one just made included). */
    int failed(String address) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_ADDRESSES && !failures.containsKey(address)) {
            failures.entrySet().removeIf(entry -> {
                synchronized (entry.getValue()) {
                    return entry.getValue().isEmpty() || entry.getValue().peekLast().isBefore(now.minus(WINDOW));
                }
            });
            if (failures.size() >= MAX_ADDRESSES) {
                failures.clear();
            }
        }
        Deque<Instant> recent = failures.computeIfAbsent(address, key -> new ArrayDeque<>());
        synchronized (recent) {
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(WINDOW))) {
                recent.pollFirst();
            }
            recent.addLast(now);
            if (recent.size() >= limit) {
                blockedUntil.put(address, now.plus(block));
                recent.clear();
                return limit;
            }
            return recent.size();
        }
    }
}
