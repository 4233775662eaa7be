package io.signaldesk.reports.render;

import io.signaldesk.notifications.Audience;
import io.signaldesk.notifications.Notification;
import io.signaldesk.notifications.Notifications;
import io.signaldesk.notifications.Urgency;
import io.signaldesk.reports.settings.ReportSettings;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Writes a chat's scheduled report into the outbox, in the caller's transaction, keyed per chat, kind and period (one
 * row however often it is written); a chat that chose quiet days ({@code /report quiet on}) gets nothing for a period
 * with nothing to report.
 */
@Component
public class ReportNotice {

    private final Notifications notifications;
    private final ReportSource source;
    private final ReportSettings settings;

    ReportNotice(Notifications notifications, ReportSource source, ReportSettings settings) {
        this.notifications = notifications;
        this.source = source;
        this.settings = settings;
    }

    /** Returns false when nothing was written (a quiet chat's empty period). */
    public boolean send(long destinationId, ReportPeriod period, Instant expiresAt) {
        if (settings.of(destinationId).quiet() && source.read(destinationId, period).nothingToReport()) {
            return false;
        }
        String key = "report:" + period.kind().name().charAt(0) + ":" + period.start() + ":" + destinationId;
        notifications.send(new Notification(ReportKind.KIND, key, new Audience.Chat(destinationId), Urgency.NORMAL,
                ReportPayload.of(destinationId, period), expiresAt));
        return true;
    }
}
