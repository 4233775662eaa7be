package io.signaldesk.notifications;

import java.time.Duration;
import java.time.Instant;

/**
 * How long notifications and their buttons are worth something, set once for every module under
 * {@code signaldesk.notifications}: the kinds that need them (a signal, a notice, a position's alert) read them here.
 */
public interface NotificationLifetimes {

    /** {@code signaldesk.notifications.max-age.signal}: how long a signal may wait after its issue (a few hours). */
    Duration signalMaxAge();

    /** {@code signaldesk.notifications.max-age.notice}: how long a notice to a person may wait (a day or more). */
    Duration noticeMaxAge();

    /** {@code signaldesk.notifications.signal-button-lifetime}: how long the buttons of a delivered message work. */
    Duration signalButtonLifetime();

    /** When a notice written at {@code now} stops being worth sending. */
    default Instant noticeExpiry(Instant now) {
        return now.plus(noticeMaxAge());
    }
}
