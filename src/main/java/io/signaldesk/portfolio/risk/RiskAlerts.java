package io.signaldesk.portfolio.risk;

import io.signaldesk.notifications.Audience;
import io.signaldesk.notifications.Notification;
import io.signaldesk.notifications.Notifications;
import io.signaldesk.notifications.Urgency;
import org.springframework.stereotype.Component;

/**
 * Writes a risk alert to the account's owner (every private chat of theirs, {@link Audience.User}), in the caller's
 * transaction: the change to HIGH as {@link Urgency#URGENT} (it sounds even where {@code /notify risk silent}), the
 * all-clear as normal. Keyed per account and run, so a row is written once.
 */
@Component
class RiskAlerts {

    private final Notifications notifications;
    private final PortfolioRiskProperties properties;

    RiskAlerts(Notifications notifications, PortfolioRiskProperties properties) {
        this.notifications = notifications;
        this.properties = properties;
    }

    void high(RiskRun run, long runId) {
        send(run, runId, true);
    }

    void allClear(RiskRun run, long runId) {
        send(run, runId, false);
    }

    private void send(RiskRun run, long runId, boolean high) {
        notifications.send(new Notification(RiskAlertKind.KIND, "risk:" + run.accountId() + ":" + runId, new Audience.User(run.userId()),
                high ? Urgency.URGENT : Urgency.NORMAL, RiskAlertPayload.of(run, high), run.analyzedAt().plus(properties.alertLifetime())));
    }
}
