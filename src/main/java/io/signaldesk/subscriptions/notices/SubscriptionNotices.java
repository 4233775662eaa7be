package io.signaldesk.subscriptions.notices;

import io.signaldesk.notifications.Audience;
import io.signaldesk.notifications.Notification;
import io.signaldesk.notifications.NotificationLifetimes;
import io.signaldesk.notifications.Notifications;
import io.signaldesk.notifications.TextNotice;
import io.signaldesk.notifications.Urgency;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Sends the subscriptions' notices ({@link TextNotice}s) through {@link Notifications},
 * worth sending for {@code signaldesk.notifications.max-age.notice} from now.
 */
@Component
class SubscriptionNotices {

    private final Notifications notifications;
    private final NotificationLifetimes lifetimes;
    private final Clock clock;

    SubscriptionNotices(Notifications notifications, NotificationLifetimes lifetimes, Clock clock) {
        this.notifications = notifications;
        this.lifetimes = lifetimes;
        this.clock = clock;
    }

    void send(String kind, String eventKey, Audience audience, String text) {
        notifications.send(new Notification(kind, eventKey, audience, Urgency.NORMAL, new TextNotice(text),
                lifetimes.noticeExpiry(clock.instant())));
    }
}
