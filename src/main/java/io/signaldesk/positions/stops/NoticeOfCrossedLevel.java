package io.signaldesk.positions.stops;

import io.signaldesk.notifications.Audience;
import io.signaldesk.notifications.Notification;
import io.signaldesk.notifications.NotificationLifetimes;
import io.signaldesk.notifications.Notifications;
import io.signaldesk.notifications.Urgency;
import io.signaldesk.positions.PositionLevelCrossed;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When price crosses a position's stop or target for the first time, its owner is told in their private chats
 * ({@link Audience.User}), as {@link PositionAlertMessage} renders it. Event type {@code stops}
 * ({@code /notify stops on|silent|off}); keyed per position and level, and written in the transaction that records the
 * alert, so it is sent once; worth sending for {@code signaldesk.notifications.max-age.notice}.
 */
@Component
class NoticeOfCrossedLevel {

    private final Notifications notifications;
    private final NotificationLifetimes lifetimes;
    private final Clock clock;

    NoticeOfCrossedLevel(Notifications notifications, NotificationLifetimes lifetimes, Clock clock) {
        this.notifications = notifications;
        this.lifetimes = lifetimes;
        this.clock = clock;
    }

    @EventListener
    void on(PositionLevelCrossed crossed) {
        notifications.send(new Notification(PositionAlertMessage.KIND, "position-alert:" + crossed.positionId() + ":" + crossed.level(),
                new Audience.User(crossed.userId()), Urgency.NORMAL, crossed, lifetimes.noticeExpiry(clock.instant())));
    }
}
