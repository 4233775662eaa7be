package io.signaldesk.notifications.delivery;

import io.signaldesk.notifications.NotificationLifetimes;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outbox settings; the lifetimes every module reads are its public face ({@link NotificationLifetimes}).
 *
 * @param pollInterval         how often an idle sender looks for due rows
 * @param maxAttempts          failed sends (server or network errors) before a row is given up
 * @param lease                how long a claimed row is reserved for its sender; after it, another may claim it
 * @param signalButtonLifetime how long "I took it" and "Details" work on a delivered signal
 * @param maxAge               how long a row of each kind may wait before it is dropped unsent
 */
@ConfigurationProperties("signaldesk.notifications")
record NotificationsProperties(Duration pollInterval, int maxAttempts, Duration lease, Duration signalButtonLifetime, MaxAge maxAge)
        implements NotificationLifetimes {

    @Override
    public Duration signalMaxAge() {
        return maxAge.signal();
    }

    @Override
    public Duration noticeMaxAge() {
        return maxAge.notice();
    }

    /**
     * @param signal a signal, counted from its issue (its entry soon means nothing; a few hours), never less than three
     *               base intervals (the signals module's kind)
     * @param notice a notice to a person (a lost chat, a delisted pair: still worth hearing a day or more later)
     */
    record MaxAge(Duration signal, Duration notice) {
    }
}
